package io.abstractcatalog.ingest.format;

import io.abstractcatalog.contract.Author;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MEDLINE / PubMed text ({@code .nbib}, PubMed's "Citation manager" export, {@code efetch rettype=medline}): a tag
 * in a 4-character column, {@code "- "}, the value; a line starting with spaces (6 in NLM's files) continues the
 * value above it. {@code PMID} opens a record, which runs to the next {@code PMID} (blank lines between records are
 * layout). Tags: {@code TI} title, {@code AB} abstract, {@code FAU} authors ("Family, Given"; {@code AU} "Family
 * Initials" only when there is no {@code FAU}; {@code CN} a group author; {@code AUID} "ORCID: …" the ORCID iD of
 * the author above it), {@code AD} affiliations, {@code JT} venue ({@code TA} only without it), {@code DP} year,
 * {@code LID}/{@code AID} with {@code [doi]}, {@code PMC}, {@code PMID} (also the source id).
 */
public final class MedlineFormat implements LineFormat {

    public static final String NAME = "medline";
    private static final Pattern TAG = Pattern.compile("^([A-Z][A-Z0-9]{0,3}) {0,3}- ?(.*)$");
    private static final Pattern FIRST = Pattern.compile("^PMID- ?\\d+\\s*$");
    private static final Pattern DOI = Pattern.compile("^(\\S+)\\s*\\[doi\\]$");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("nbib", "medline", "txt");
    }

    @Override
    public int confidence(List<Line> head) {
        if (!FIRST.matcher(head.get(0).text()).matches()) {
            return 0;
        }
        return head.size() > 1 && TAG.matcher(head.get(1).text()).matches() ? 95 : 70;
    }

    @Override
    public void parse(LineReader lines, RecordSink sink) throws IOException {
        int ordinal = 0;
        Citation citation = null;
        int maxLength = lines.maxLineLength();
        for (Line line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            String text = line.text();
            Matcher tag = Character.isWhitespace(text.charAt(0)) ? null : TAG.matcher(text);
            if (tag == null || !tag.matches()) {
                if (citation == null) {
                    sink.reject(new ParseRejection(ordinal++, line.number(), "text outside a record (no 'PMID- ' before it)",
                            line.excerpt()));
                } else {
                    citation.continueValue(text.strip(), line.truncated());
                }
                continue;
            }
            String name = tag.group(1);
            if (name.equals("PMID")) {
                if (citation != null) {
                    citation.emit(sink);
                }
                citation = new Citation(new RecordBuilder(ordinal++, line.number(), maxLength).excerpt(text));
            } else if (citation == null) {
                sink.reject(new ParseRejection(ordinal++, line.number(), "tag " + name + " outside a record (no 'PMID- ' before it)",
                        line.excerpt()));
                continue;
            }
            citation.startValue(name, tag.group(2).strip(), line.truncated());
        }
        if (citation != null) {
            citation.emit(sink);
        }
    }

    /** One record being read: the tag whose value may still continue, and the authors until the record ends. */
    private static final class Citation {
        private final RecordBuilder record;
        private final List<Author> fullNames = new ArrayList<>();
        private final List<Author> shortNames = new ArrayList<>();
        private String tag;
        private StringBuilder value;

        Citation(RecordBuilder record) {
            this.record = record;
        }

        void startValue(String name, String text, boolean truncated) {
            finishValue();
            tag = name;
            value = new StringBuilder(text);
            if (truncated) {
                record.tooLong();
            }
        }

        void continueValue(String text, boolean truncated) {
            if (value != null) {
                value.append(' ').append(text);
            }
            if (truncated) {
                record.tooLong();
            }
        }

        private void finishValue() {
            if (tag == null || value.isEmpty()) {
                return;
            }
            String text = value.toString();
            switch (tag) {
                case "PMID" -> {
                    record.pmid(text);
                    record.sourceId(text);
                }
                case "TI" -> record.add(Field.TITLE, text);
                case "AB" -> record.add(Field.ABSTRACT, text);
                case "FAU" -> fullNames.add(Author.parse(text));
                case "AU" -> shortNames.add(shortName(text));
                case "CN" -> fullNames.add(new Author(text, null, null, null));
                case "AUID" -> {
                    if (text.startsWith("ORCID") && !fullNames.isEmpty()) {
                        int last = fullNames.size() - 1;
                        fullNames.set(last, fullNames.get(last).withOrcid(text));
                    }
                }
                case "AD" -> record.addOne(Field.AFFILIATIONS, text);
                case "JT" -> record.venue(text);
                case "TA" -> record.venueAbbreviation(text);
                case "DP" -> record.year(text);
                case "LID", "AID" -> {
                    Matcher doi = DOI.matcher(text);
                    if (doi.matches()) {
                        record.doi(doi.group(1));
                    }
                }
                case "PMC" -> record.pmcid(text);
                default -> {
                }
            }
        }

        /** "Casbon JA": family name, then initials. */
        private static Author shortName(String text) {
            int space = text.lastIndexOf(' ');
            return space < 0 ? new Author(text, text, null, null)
                    : new Author(text, text.substring(0, space), text.substring(space + 1), null);
        }

        void emit(RecordSink sink) {
            finishValue();
            for (Author author : fullNames.isEmpty() ? shortNames : fullNames) {
                record.author(author);
            }
            record.emit(sink);
        }
    }
}
