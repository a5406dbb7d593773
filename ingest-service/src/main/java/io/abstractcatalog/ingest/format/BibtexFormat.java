package io.abstractcatalog.ingest.format;

import io.abstractcatalog.contract.LatexText;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * BibTeX: {@code @type{key, field = {value}, field = "value", field = 2021, field = macro # {more}}}. Values may
 * nest braces and span lines; {@code @string} macros are expanded, {@code @comment} and {@code @preamble} skipped,
 * text between entries ignored (as BibTeX does). Title, abstract, authors and affiliations are folded from LaTeX to
 * Unicode ({@link LatexText}). The citation key is the record's source id; {@code eprint} is the arXiv id when
 * {@code archivePrefix = arXiv} (or when it looks like one).
 * <p>
 * An entry with a syntax error is rejected and reading resumes at the next line that starts with {@code @}; an entry
 * still open at the end of the file (an unbalanced brace) fails the file: everything after the brace was swallowed.
 */
public final class BibtexFormat implements LineFormat {

    public static final String NAME = "bibtex";
    private static final Pattern ENTRY_START = Pattern.compile("^\\s*@\\s*[A-Za-z]+\\s*[{(].*");
    private static final Map<String, String> MONTHS = Map.ofEntries(Map.entry("jan", "January"), Map.entry("feb", "February"),
            Map.entry("mar", "March"), Map.entry("apr", "April"), Map.entry("may", "May"), Map.entry("jun", "June"),
            Map.entry("jul", "July"), Map.entry("aug", "August"), Map.entry("sep", "September"), Map.entry("oct", "October"),
            Map.entry("nov", "November"), Map.entry("dec", "December"));
    private static final int MAX_MACROS = 10_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("bib", "bibtex");
    }

    @Override
    public int confidence(List<Line> head) {
        boolean first = true;
        for (Line line : head) {
            String text = line.text().strip();
            if (text.startsWith("%")) {
                continue; // a comment line
            }
            if (ENTRY_START.matcher(text).matches()) {
                return first ? 95 : 80; // text before the first entry is allowed (and ignored)
            }
            first = false;
        }
        return 0;
    }

    @Override
    public void parse(LineReader lines, RecordSink sink) throws IOException {
        new Reader(new Chars(lines), lines.maxLineLength(), sink).read();
    }

    /** The characters of the file with their line numbers; a line cut by the reader's limit is reported. */
    private static final class Chars {
        private final LineReader lines;
        private String text = "";
        private int pos;
        private int number;
        private boolean cut;
        private boolean lineCut;
        private boolean atLineStart = true;
        private boolean eof;

        Chars(LineReader lines) {
            this.lines = lines;
            pos = 1; // past the virtual newline before line 1
            text = "";
        }

        /** The next character ({@code '\n'} ends every line), or -1 at the end. */
        int next() throws IOException {
            if (eof) {
                return -1;
            }
            if (pos > text.length()) {
                Line line = lines.next();
                if (line == null) {
                    eof = true;
                    return -1;
                }
                text = line.text();
                number = line.number();
                cut = cut || line.truncated();
                lineCut = line.truncated();
                pos = 0;
            }
            atLineStart = pos == 0;
            return pos == text.length() ? pos++ * 0 + '\n' : text.charAt(pos++);
        }

        int peek() throws IOException {
            int c = next();
            if (c >= 0) {
                pos--;
            }
            return c;
        }

        /** The last character returned started its line, leading whitespace aside. */
        boolean onlyBlanksBefore() {
            return atLineStart || text.substring(0, Math.max(0, pos - 1)).isBlank();
        }

        int line() {
            return Math.max(number, 1);
        }

        /** The current line was cut by the reader's limit. */
        boolean lineCut() {
            return lineCut;
        }

        /** Whether a line was cut since the last call (its end, and any brace in it, is lost). */
        boolean takeCut() {
            boolean was = cut;
            cut = false;
            return was;
        }
    }

    /** A problem with one entry: it is rejected and reading resumes at the next line starting with '@'. */
    private static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Reader {
        private final Chars chars;
        private final int maxLength;
        private final RecordSink sink;
        private final Map<String, String> macros = new HashMap<>();
        private int ordinal;
        private int entryLength;
        private int entryLine;

        Reader(Chars chars, int maxLength, RecordSink sink) {
            this.chars = chars;
            this.maxLength = maxLength;
            this.sink = sink;
        }

        void read() throws IOException {
            boolean recovering = false;
            for (int c = chars.next(); c >= 0; c = chars.next()) {
                if (c != '@' || (recovering && !chars.onlyBlanksBefore())) {
                    continue;
                }
                recovering = false;
                entryLine = chars.line();
                entryLength = 0;
                chars.takeCut();
                boolean startsCut = chars.lineCut();
                String type = identifier().toLowerCase(Locale.ROOT);
                skipSpace();
                int open = chars.peek();
                if (type.isEmpty() || (open != '{' && open != '(')) {
                    continue; // an @ in text between entries (an e-mail address): BibTeX ignores it too
                }
                chars.next();
                char close = open == '{' ? '}' : ')';
                try {
                    if (startsCut && !type.equals("comment") && !type.equals("preamble") && !type.equals("string")) {
                        sink.reject(new ParseRejection(ordinal++, entryLine, "record longer than " + maxLength + " characters",
                                "@" + type + " at line " + entryLine));
                        recovering = true;
                        continue;
                    }
                    switch (type) {
                        case "comment", "preamble" -> skipGroup(close);
                        case "string" -> recovering = !macro(close);
                        default -> recovering = !entry(close);
                    }
                } catch (SyntaxError e) {
                    recovering = true; // a line cut in a comment or preamble: resync
                }
            }
        }

        /** Reads an entry after its opening brace; false when it was rejected and reading must resync. */
        private boolean entry(char close) throws IOException {
            RecordBuilder record = new RecordBuilder(ordinal++, entryLine, maxLength);
            try {
                StringBuilder key = new StringBuilder();
                int c;
                for (c = next(); c != ',' && c != close; c = next()) {
                    if (c == '\n' || c == ' ' || c == '\t') {
                        continue;
                    }
                    if (c == '=' || c == '{' || c == '"') {
                        throw new SyntaxError("missing citation key");
                    }
                    key.append((char) c);
                }
                record.excerpt("@" + key);
                record.sourceId(key.toString());
                Map<String, String> fields = new LinkedHashMap<>();
                if (c == ',') {
                    fields(close, fields);
                }
                if (chars.takeCut()) {
                    record.tooLong();
                }
                toRecord(fields, record);
            } catch (SyntaxError e) {
                sink.reject(new ParseRejection(record.ordinal(), entryLine, e.getMessage(), "@" + excerptOf(record)));
                return false;
            }
            if (entryLength > maxLength) {
                record.tooLong();
            }
            record.emit(sink);
            return true;
        }

        private static String excerptOf(RecordBuilder record) {
            return "entry at line " + record.line();
        }

        /** {@code name = value, …} up to the entry's closing brace. */
        private void fields(char close, Map<String, String> fields) throws IOException, SyntaxError {
            while (true) {
                skipSpace();
                int c = chars.peek();
                if (c == close) {
                    next();
                    return;
                }
                String name = identifier().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    throw new SyntaxError("expected a field name, found '" + printable(c) + "'");
                }
                skipSpace();
                if (next() != '=') {
                    throw new SyntaxError("expected '=' after field '" + name + "'");
                }
                String value = value(close);
                fields.putIfAbsent(name, value);
                skipSpace();
                c = next();
                if (c == close) {
                    return;
                }
                if (c != ',') {
                    throw new SyntaxError("expected ',' or '" + close + "' after the value of field '" + name + "', found '"
                            + printable(c) + "'");
                }
            }
        }

        /** A value: pieces joined with {@code #}. */
        private String value(char close) throws IOException, SyntaxError {
            StringBuilder value = new StringBuilder();
            while (true) {
                skipSpace();
                int c = chars.peek();
                if (c == '{') {
                    next();
                    braced(value, '}');
                } else if (c == '"') {
                    next();
                    braced(value, '"');
                } else if (c >= '0' && c <= '9') {
                    while (c >= '0' && c <= '9') {
                        value.append((char) next());
                        c = chars.peek();
                    }
                } else {
                    String name = identifier();
                    if (name.isEmpty()) {
                        throw new SyntaxError("expected a value, found '" + printable(c) + "'");
                    }
                    String lower = name.toLowerCase(Locale.ROOT);
                    value.append(macros.getOrDefault(lower, MONTHS.getOrDefault(lower, name)));
                }
                skipSpace();
                if (chars.peek() != '#') {
                    return value.toString();
                }
                next();
            }
        }

        /** The text up to the matching {@code end} at brace depth 0, nested braces kept; EOF inside fails the file. */
        private void braced(StringBuilder value, char end) throws IOException, SyntaxError {
            int depth = 0;
            while (true) {
                int c = next();
                if (c < 0) {
                    throw new UnreadableFileException("unbalanced braces: the entry at line " + entryLine
                            + " is still open at the end of the file", entryLine);
                }
                if (c == '\\') {
                    int escaped = next();
                    append(value, c);
                    if (escaped >= 0) {
                        append(value, escaped);
                    }
                    continue;
                }
                if (c == end && depth == 0) {
                    return;
                }
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    if (depth == 0) {
                        // a '}' at depth 0 inside a quoted value: the quote was never closed, or a '{' is missing
                        throw new SyntaxError("unbalanced braces: a '}' without its '{' inside a quoted value (line "
                                + chars.line() + ")");
                    }
                    depth--;
                }
                append(value, c);
            }
        }

        private void append(StringBuilder value, int c) {
            if (value.length() <= maxLength) {
                value.append((char) c);
            }
        }

        private boolean macro(char close) throws IOException {
            try {
                skipSpace();
                String name = identifier().toLowerCase(Locale.ROOT);
                skipSpace();
                if (name.isEmpty() || next() != '=') {
                    throw new SyntaxError("malformed @string");
                }
                String value = value(close);
                skipSpace();
                if (next() != close) {
                    throw new SyntaxError("malformed @string '" + name + "'");
                }
                if (macros.size() < MAX_MACROS) {
                    macros.put(name, value);
                }
                return true;
            } catch (SyntaxError e) {
                sink.reject(new ParseRejection(ordinal++, entryLine, e.getMessage(), "@string at line " + entryLine));
                return false;
            }
        }

        private void skipGroup(char close) throws IOException {
            StringBuilder ignored = new StringBuilder();
            if (close == '}') {
                braced(ignored, '}');
            } else {
                for (int c = next(); c != ')'; c = next()) {
                    if (c < 0) {
                        throw new UnreadableFileException("unbalanced parentheses: the entry at line " + entryLine
                                + " is still open at the end of the file", entryLine);
                    }
                }
            }
        }

        private String identifier() throws IOException {
            StringBuilder name = new StringBuilder();
            for (int c = chars.peek(); c >= 0 && (Character.isLetterOrDigit(c) || "_-:.+/'".indexOf(c) >= 0); c = chars.peek()) {
                name.append((char) next());
                if (name.length() > 200) {
                    break;
                }
            }
            return name.toString();
        }

        private void skipSpace() throws IOException {
            for (int c = chars.peek(); c >= 0 && Character.isWhitespace(c); c = chars.peek()) {
                next();
            }
        }

        private int next() throws IOException {
            int c = chars.next();
            if (chars.takeCut()) {
                // the rest of the line is lost, braces included: the entry cannot be read, resync after it
                throw new SyntaxError("record longer than " + maxLength + " characters");
            }
            entryLength++;
            if (c < 0 && entryLine > 0) {
                // only braced() and skipGroup() report EOF themselves; elsewhere EOF inside an entry is the same problem
                throw new UnreadableFileException("unbalanced braces: the entry at line " + entryLine
                        + " is still open at the end of the file", entryLine);
            }
            return c;
        }

        private static String printable(int c) {
            return c < 0 ? "end of file" : c == '\n' ? "\\n" : String.valueOf((char) c);
        }

        private static void toRecord(Map<String, String> fields, RecordBuilder record) {
            String prefix = fields.getOrDefault("archiveprefix", fields.getOrDefault("eprinttype", ""));
            for (Map.Entry<String, String> field : fields.entrySet()) {
                String name = field.getKey();
                String raw = field.getValue();
                switch (name) {
                    case "title", "abstract" -> record.add(Field.named(name), LatexText.ofBibtex(raw));
                    case "author" -> BibtexNames.parse(raw).forEach(record::author);
                    case "journal", "journaltitle", "booktitle" -> record.venue(LatexText.ofBibtex(raw));
                    case "pmid" -> record.pmid(raw);
                    case "pmcid" -> record.pmcid(raw);
                    case "affiliation", "affiliations", "institution", "school" ->
                            record.add(Field.AFFILIATIONS, LatexText.ofBibtex(raw));
                    case "doi" -> record.doi(raw);
                    case "eprint" -> {
                        if (prefix.isEmpty() || prefix.equalsIgnoreCase("arxiv")) {
                            record.arxivId(raw);
                        }
                    }
                    case "year" -> record.year(raw);
                    case "date" -> record.year(raw);
                    case "url" -> record.url(raw);
                    default -> {
                        Field known = Field.named(name);
                        if (known == Field.ARXIV_ID) {
                            record.arxivId(raw);
                        }
                    }
                }
            }
        }
    }
}
