package io.abstractcatalog.ingest.format;

import io.abstractcatalog.contract.LatexText;
import java.io.IOException;
import java.util.List;
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
        new BibtexReader(new BibtexChars(lines), lines.maxLineLength(), sink, BibtexFormat::toRecord).read();
    }

    /** Maps an entry's fields (names lower case, values as written) to the record. */
    static void toRecord(Map<String, String> fields, RecordBuilder record) {
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
