package io.abstractcatalog.ingest.format;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.Identifiers;
import io.abstractcatalog.contract.LatexText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the fields of one record candidate as a format reads them, keeps count of its size, and hands the
 * result to the sink: a record, or a rejection when it is longer than the limit or has neither an abstract nor
 * enough to identify the work ({@link #identifiable}).
 */
final class RecordBuilder {

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d|21\\d\\d)(?!\\d)");
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("\\s*;\\s*|\\s+and\\s+");
    private static final Pattern SEMICOLON = Pattern.compile("\\s*;\\s*");
    static final String NOT_IDENTIFIABLE = "no abstract and nothing else to identify the work: needs a title with "
            + "authors or an identifier (DOI, arXiv id, PMID, PMCID)";

    private final int ordinal;
    private final int line;
    private final int maxLength;
    /** The text {@link #excerpt} was given; shortened only when a rejection shows it (most records never are). */
    private String excerptSource;
    private int length;
    private boolean tooLong;
    private String title;
    private StringBuilder abstractText;
    /** By the name as given, so a repeated author (a format that lists names twice) counts once. */
    private final LinkedHashMap<String, Author> authors = new LinkedHashMap<>();
    private final LinkedHashSet<String> affiliations = new LinkedHashSet<>();
    private String doi;
    private String arxivId;
    private Integer year;
    private String url;
    private String sourceId;
    private String venue;
    /** An abbreviated journal title, used only when the record names no full one. */
    private String venueAbbreviation;
    private String pmid;
    private String pmcid;
    /** The name parts of an author being read (XML formats that split them). */
    private final PersonParts person = new PersonParts();
    /** Why the format refuses this candidate whatever it holds (a kind of record it does not read). */
    private String refusal;

    RecordBuilder(int ordinal, int line, int maxLength) {
        this.ordinal = ordinal;
        this.line = line;
        this.maxLength = maxLength;
    }

    PersonParts person() {
        return person;
    }

    /** Rejects the candidate with {@code reason} when it is emitted, whatever fields it has. */
    void refuse(String reason) {
        if (refusal == null) {
            refusal = reason;
        }
    }

    int ordinal() {
        return ordinal;
    }

    int line() {
        return line;
    }

    /** The most characters the record may hold. */
    int maxLength() {
        return maxLength;
    }

    /** What identifies the candidate in a rejection, when no better excerpt was given. */
    RecordBuilder excerpt(String text) {
        if (excerptSource == null && text != null && !text.isBlank()) {
            excerptSource = text;
        }
        return this;
    }

    private String shown() {
        if (excerptSource != null) {
            String trimmed = excerptSource.strip().replaceAll("\\s+", " ");
            return trimmed.length() <= 120 ? trimmed : trimmed.substring(0, 120) + "…";
        }
        return title != null ? title : sourceId != null ? sourceId : "";
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
            case AUTHORS -> {
                for (String name : authorList(text)) {
                    author(Author.parse(name));
                }
            }
            case AFFILIATIONS -> addAll(affiliations, SEMICOLON.split(text));
            case DOI -> doi(text);
            case ARXIV_ID -> arxivId(text);
            case YEAR -> year(text);
            case URL -> url = url == null ? text : url;
            case VENUE -> venue(text);
            case PMID -> pmid(text);
            case PMCID -> pmcid(text);
        }
    }

    /** Adds one author or affiliation as it is, without splitting (it came as one element of a list). */
    void addOne(Field field, String value) {
        if (value == null || !count(value) || value.isBlank()) {
            return;
        }
        if (field == Field.AUTHORS) {
            author(Author.parse(value));
        } else if (field == Field.AFFILIATIONS) {
            affiliations.add(value.strip());
        } else {
            add(field, value);
        }
    }

    /**
     * One author whose name parts the format has told apart (BibTeX, XML with family and given names). A list's
     * "others" / "et al." is not a person and is dropped.
     */
    void author(Author author) {
        if (author == null || author.name() == null || !count(author.name())) {
            return;
        }
        String name = author.name();
        if (name.equalsIgnoreCase("others") || name.equalsIgnoreCase("et al.") || name.equalsIgnoreCase("et al")) {
            return;
        }
        if (name.indexOf('\\') >= 0) {
            // arXiv's metadata (CSV, JSON, OAI) spells accents in LaTeX ("C. Bal\\'azs"); no name holds a backslash
            author = new Author(LatexText.ofBibtex(name), latexFree(author.family()), latexFree(author.given()),
                    author.orcid());
            name = author.name();
        }
        authors.putIfAbsent(name, author);
    }

    private static String latexFree(String part) {
        return part == null ? null : LatexText.ofBibtex(part);
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
        return abstractText != null && !abstractText.toString().isBlank();
    }

    /**
     * Whether a record without an abstract still names one work: a title, and authors or an identifier to tell it
     * from every other paper of that title (bibliographic exports often lack some abstracts). A title alone (an
     * "Editorial") or an identifier without a title would give a catalog entry nobody could recognise.
     */
    boolean identifiable() {
        boolean titled = title != null && !title.isBlank();
        boolean identified = doi != null || arxivId != null || pmid != null || pmcid != null;
        return titled && (!authors.isEmpty() || identified);
    }

    /** Takes a DOI in any spelling; an arXiv DOI names the arXiv id. */
    void doi(String text) {
        String normalized = Identifiers.normalizeDoi(text);
        if (normalized != null && Identifiers.isArxivDoi(normalized)) {
            arxivId(normalized);
        } else if (doi == null) {
            doi = normalized;
        }
    }

    /** Takes an arXiv id from an id, {@code arXiv:} id or arxiv.org URL, without its version; false when it is none. */
    boolean arxivId(String text) {
        String normalized = Identifiers.normalizeArxiv(text);
        if (normalized == null) {
            return false;
        }
        if (arxivId == null) {
            arxivId = normalized;
        }
        return true;
    }

    void pmid(String text) {
        if (pmid == null) {
            pmid = Identifiers.normalizePmid(text);
        }
    }

    void pmcid(String text) {
        if (pmcid == null) {
            pmcid = Identifiers.normalizePmcid(text);
        }
    }

    /** The first venue a record names wins (a journal's full title comes before its abbreviation in every format). */
    void venue(String text) {
        if (venue == null && text != null && !text.isBlank()) {
            venue = text.strip().replaceAll("\\s+", " ");
        }
    }

    /** An abbreviated venue ({@code J2}, {@code ISOAbbreviation}, {@code TA}): the venue only if no full title comes. */
    void venueAbbreviation(String text) {
        if (venueAbbreviation == null && text != null && !text.isBlank()) {
            venueAbbreviation = text.strip().replaceAll("\\s+", " ");
        }
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
        if (refusal != null) {
            sink.reject(new ParseRejection(ordinal, line, refusal, shown()));
        } else if (tooLong) {
            sink.reject(new ParseRejection(ordinal, line, "record longer than " + maxLength + " characters", shown()));
        } else if (!hasAbstract() && !identifiable()) {
            sink.reject(new ParseRejection(ordinal, line, NOT_IDENTIFIABLE, shown()));
        } else {
            sink.accept(new ParsedRecord(ordinal, line, title, hasAbstract() ? abstractText.toString().strip() : null,
                    new ArrayList<>(affiliations),
                    new ArrayList<>(authors.values()), doi, arxivId, year, url, sourceId,
                    venue != null ? venue : venueAbbreviation, pmid, pmcid));
        }
    }

    static List<String> list(String... values) {
        return List.of(values);
    }
}
