package io.abstractcatalog.ingest.format;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RIS: tagged lines {@code XX  - value}; {@code TY} opens a record and {@code ER} closes it. A line without a tag
 * continues the value above it (a wrapped {@code AB}). Tags: {@code TI}/{@code T1} title, {@code AB}/{@code N2}
 * abstract, {@code AU}/{@code A1} authors (one per tag), {@code AD} affiliations, {@code DO} DOI, {@code PY}/{@code Y1}/
 * {@code DA} year, {@code UR} URL (an arxiv.org URL also gives the arXiv id), {@code ID} (else {@code AN}, the
 * accession number) the source's id, {@code JF}/{@code JO}/{@code T2}/{@code BT} the venue, {@code J2}/{@code JA}/
 * {@code J1} abbreviations only when no full title is given. {@code SN} is an ISSN, not a venue: not read.
 * <p>
 * A record still open at the next {@code TY} or at the end of the file is rejected (it may be cut short); tagged
 * lines outside a record are rejected one by one.
 */
public final class RisFormat implements LineFormat {

    public static final String NAME = "ris";
    /** The standard is two spaces, a hyphen and a space; exports vary in the spaces, and "ER  -" has no value. */
    private static final Pattern TAG = Pattern.compile("^([A-Z][A-Z0-9])\\s{1,2}-(?:\\s(.*))?$");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("ris");
    }

    @Override
    public int confidence(List<Line> head) {
        Matcher first = TAG.matcher(head.get(0).text().strip());
        return first.matches() && first.group(1).equals("TY") ? 95 : 0;
    }

    @Override
    public void parse(LineReader lines, RecordSink sink) throws IOException {
        int ordinal = 0;
        RecordBuilder record = null;
        Field lastField = null;
        String lastTag = null;
        int maxLength = lines.maxLineLength();
        for (Line line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            String text = line.text().strip();
            Matcher tag = TAG.matcher(text);
            if (!tag.matches()) {
                if (record == null) {
                    sink.reject(new ParseRejection(ordinal++, line.number(), "text outside a record (no 'TY  -' before it)",
                            line.excerpt()));
                } else if (line.truncated()) {
                    record.tooLong();
                } else if (lastField == Field.TITLE) {
                    record.appendTitle(text); // a wrapped value continues
                } else if (lastField == Field.ABSTRACT) {
                    record.add(Field.ABSTRACT, text);
                }
                continue;
            }
            String name = tag.group(1);
            String value = tag.group(2) == null ? "" : tag.group(2).strip();
            if (name.equals("TY")) {
                if (record != null) {
                    notClosed(record, sink, "record not closed by 'ER  -' before the next 'TY  -'");
                }
                record = new RecordBuilder(ordinal++, line.number(), maxLength).excerpt(text);
                lastField = null;
                continue;
            }
            if (record == null) {
                sink.reject(new ParseRejection(ordinal++, line.number(), "tag " + name + " outside a record (no 'TY  -' before it)",
                        line.excerpt()));
                continue;
            }
            if (name.equals("ER")) {
                record.emit(sink);
                record = null;
                continue;
            }
            if (line.truncated()) {
                record.tooLong();
            }
            lastTag = name;
            lastField = field(name);
            addValue(record, name, lastField, value);
        }
        if (record != null) {
            notClosed(record, sink, "record not closed by 'ER  -' at the end of the file");
        }
    }

    private static void notClosed(RecordBuilder record, RecordSink sink, String reason) {
        sink.reject(new ParseRejection(record.ordinal(), record.line(), reason, "TY at line " + record.line()));
    }

    private static Field field(String tag) {
        return switch (tag) {
            case "TI", "T1", "CT" -> Field.TITLE;
            case "AB", "N2" -> Field.ABSTRACT;
            case "AU", "A1" -> Field.AUTHORS;
            case "AD" -> Field.AFFILIATIONS;
            case "DO" -> Field.DOI;
            case "PY", "Y1", "DA" -> Field.YEAR;
            case "UR", "L2" -> Field.URL;
            case "ID", "AN" -> Field.ID;
            case "JF", "JO", "T2", "BT", "J2", "JA", "J1" -> Field.VENUE;
            default -> null;
        };
    }

    private static void addValue(RecordBuilder record, String tag, Field field, String value) {
        if (field == null || value.isEmpty()) {
            return;
        }
        switch (field) {
            case AUTHORS, AFFILIATIONS -> record.addOne(field, value); // one per line: "Smith, John" stays whole
            case URL -> {
                record.url(value);
                record.arxivId(value);
            }
            case DOI -> record.doi(value);
            case VENUE -> {
                if (tag.startsWith("J") && !tag.equals("JF") && !tag.equals("JO")) {
                    record.venueAbbreviation(value);
                } else {
                    record.venue(value);
                }
            }
            default -> record.add(field, value);
        }
    }
}
