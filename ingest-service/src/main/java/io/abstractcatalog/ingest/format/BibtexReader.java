package io.abstractcatalog.ingest.format;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads the entries of a BibTeX file: {@code @type{key, name = value, …}} with nested braces, quoted values,
 * {@code #} concatenation and {@code @string} macros; {@code @comment} and {@code @preamble} are skipped. Each entry's
 * fields go to the field mapping it is given ({@link BibtexFormat}); a syntax error rejects the entry and reading
 * resumes at the next line that starts with {@code @}.
 */
final class BibtexReader {

    private static final Map<String, String> MONTHS = Map.ofEntries(Map.entry("jan", "January"), Map.entry("feb", "February"),
            Map.entry("mar", "March"), Map.entry("apr", "April"), Map.entry("may", "May"), Map.entry("jun", "June"),
            Map.entry("jul", "July"), Map.entry("aug", "August"), Map.entry("sep", "September"), Map.entry("oct", "October"),
            Map.entry("nov", "November"), Map.entry("dec", "December"));
    private static final int MAX_MACROS = 10_000;

    private final BibtexChars chars;
    private final int maxLength;
    private final RecordSink sink;
    private final BiConsumer<Map<String, String>, RecordBuilder> mapping;
    private final Map<String, String> macros = new HashMap<>();
    private int ordinal;
    private int entryLength;
    private int entryLine;

    BibtexReader(BibtexChars chars, int maxLength, RecordSink sink, BiConsumer<Map<String, String>, RecordBuilder> mapping) {
        this.chars = chars;
        this.maxLength = maxLength;
        this.sink = sink;
        this.mapping = mapping;
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
            mapping.accept(fields, record);
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

    /** A problem with one entry: it is rejected and reading resumes at the next line starting with '@'. */
    private static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }
}
