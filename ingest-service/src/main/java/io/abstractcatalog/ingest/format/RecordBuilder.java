package io.abstractcatalog.ingest.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the fields of one record candidate as a format reads them, keeps count of its size, and hands the
 * result to the sink: a record, or a rejection when it has no abstract or is longer than the limit.
 */
final class RecordBuilder {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d|21\\d\\d)(?!\\d)");
    private static final Pattern DOI_PREFIX = Pattern.compile("(?i)^(https?://(dx\\.)?doi\\.org/|doi:\\s*)");
    /** New-style (2101.00001) and old-style (hep-th/9901001) arXiv ids, with an optional version. */
    private static final Pattern ARXIV = Pattern.compile(
            "(?i)(?:arxiv:|(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/)?\\s*(\\d{4}\\.\\d{4,5}|[a-z][a-z.\\-]+/\\d{7})(v\\d+)?(?:\\.pdf)?");
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("\\s*;\\s*|\\s+and\\s+");
    private static final Pattern SEMICOLON = Pattern.compile("\\s*;\\s*");

    private final int ordinal;
    private final int line;
    private final int maxLength;
    private String excerpt;
    private int length;
    private boolean tooLong;
    private String title;
    private StringBuilder abstractText;
    private final LinkedHashSet<String> authors = new LinkedHashSet<>();
    private final LinkedHashSet<String> affiliations = new LinkedHashSet<>();
    private String doi;
    private String arxivId;
    private Integer year;
    private String url;
    private String sourceId;
    /** Given and family names of a person being read (XML formats that split them). */
    private final String[] personParts = new String[2];

    RecordBuilder(int ordinal, int line, int maxLength) {
        this.ordinal = ordinal;
        this.line = line;
        this.maxLength = maxLength;
    }

    String[] personParts() {
        return personParts;
    }

    int ordinal() {
        return ordinal;
    }

    int line() {
        return line;
    }

    /** What identifies the candidate in a rejection, when no better excerpt was given. */
    RecordBuilder excerpt(String text) {
        if (excerpt == null && text != null && !text.isBlank()) {
            String trimmed = text.strip().replaceAll("\\s+", " ");
            excerpt = trimmed.length() <= 120 ? trimmed : trimmed.substring(0, 120) + "…";
        }
        return this;
    }

    /** The record is over the limit whatever comes next (a line was cut, a value was too long). */
    void tooLong() {
        tooLong = true;
    }

    boolean isTooLong() {
        return tooLong;
    }

    /** Adds a value by field; list fields split strings on their separators ({@code ;}, and {@code and} for authors). */
    void add(Field field, String value) {
        if (field == null || value == null || !count(value)) {
            return;
        }
        String text = value.strip();
        if (text.isEmpty()) {
            return;
        }
        switch (field) {
            case ID -> sourceId = sourceId == null ? text : sourceId;
            case TITLE -> title = title == null ? text : title;
            case ABSTRACT -> abstractText(text);
            case AUTHORS -> addAll(authors, authorList(text));
            case AFFILIATIONS -> addAll(affiliations, SEMICOLON.split(text));
            case DOI -> doi(text);
            case ARXIV_ID -> arxivId(text);
            case YEAR -> year(text);
            case URL -> url = url == null ? text : url;
        }
    }

    /** Adds one author or affiliation as it is, without splitting (it came as one element of a list). */
    void addOne(Field field, String value) {
        if (value == null || !count(value) || value.isBlank()) {
            return;
        }
        if (field == Field.AUTHORS) {
            authors.add(value.strip());
        } else if (field == Field.AFFILIATIONS) {
            affiliations.add(value.strip());
        } else {
            add(field, value);
        }
    }

    void authorsSeparatedByAnd(String value) {
        if (value != null && count(value)) {
            addAll(authors, value.strip().split("\\s+and\\s+"));
        }
    }

    /** A second abstract value (a continued RIS {@code AB}, a repeated tag) is joined with a space. */
    private void abstractText(String text) {
        if (abstractText == null) {
            abstractText = new StringBuilder(text);
        } else {
            abstractText.append(' ').append(text);
        }
    }

    /** A wrapped title continues (RIS): joined with a space. */
    void appendTitle(String text) {
        if (count(text)) {
            title = title == null ? text.strip() : title + " " + text.strip();
        }
    }

    boolean hasAbstract() {
        return abstractText != null;
    }

    void doi(String text) {
        if (doi == null) {
            String stripped = DOI_PREFIX.matcher(text.strip()).replaceFirst("");
            doi = stripped.isEmpty() ? null : stripped;
        }
    }

    /** Takes an arXiv id from an id, {@code arXiv:} id or arxiv.org URL, without its version; false when it is none. */
    boolean arxivId(String text) {
        Matcher matcher = ARXIV.matcher(text.strip());
        if (!matcher.matches()) {
            return false;
        }
        if (arxivId == null) {
            arxivId = matcher.group(1);
        }
        return true;
    }

    void year(String text) {
        if (year == null) {
            Matcher matcher = YEAR.matcher(text);
            if (matcher.find()) {
                year = Integer.valueOf(matcher.group(1));
            }
        }
    }

    void url(String text) {
        if (url == null && text != null && !text.isBlank()) {
            url = text.strip();
        }
    }

    void sourceId(String text) {
        if (sourceId == null && text != null && !text.isBlank()) {
            sourceId = text.strip();
        }
    }

    /**
     * Authors in one string: separated by {@code ;} or {@code and}, or by commas when every comma-separated part is a
     * full name ("C. Balázs, E. L. Berger and P. M. Nadolsky"); "Smith, John" stays one author.
     */
    private static String[] authorList(String text) {
        if (text.indexOf(';') < 0) {
            String[] byComma = text.split("\\s*,\\s*|\\s+and\\s+");
            boolean fullNames = byComma.length > 1;
            for (String part : byComma) {
                fullNames &= part.strip().contains(" ");
            }
            if (fullNames) {
                return byComma;
            }
        }
        return AUTHOR_SEPARATOR.split(text);
    }

    private static void addAll(LinkedHashSet<String> target, String[] values) {
        for (String value : values) {
            if (!value.isBlank()) {
                target.add(value.strip());
            }
        }
    }

    /** Counts {@code value} against the record limit; false once the record is over it (the value is dropped). */
    private boolean count(String value) {
        if (tooLong) {
            return false;
        }
        length += value.length();
        if (length > maxLength) {
            tooLong = true;
        }
        return !tooLong;
    }

    /** Sends the record, or its rejection, to {@code sink}. */
    void emit(RecordSink sink) {
        String shown = excerpt != null ? excerpt : title != null ? title : sourceId != null ? sourceId : "";
        if (tooLong) {
            sink.reject(new ParseRejection(ordinal, line, "record longer than " + maxLength + " characters", shown));
        } else if (abstractText == null || abstractText.toString().isBlank()) {
            sink.reject(new ParseRejection(ordinal, line, "no abstract", shown));
        } else {
            sink.accept(new ParsedRecord(ordinal, line, title, abstractText.toString().strip(), new ArrayList<>(affiliations),
                    new ArrayList<>(authors), doi, arxivId, year, url, sourceId));
        }
    }

    static List<String> list(String... values) {
        return List.of(values);
    }
}
