package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.problem.InvalidParameterException;
import io.abstractcatalog.contract.FoldedText;
import io.abstractcatalog.contract.Identifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated GET /works request. Parameters arrive as text and are checked here, so a bad value is a 400 naming
 * the parameter and saying what a valid value looks like, never a 500 or the framework's bare 404.
 *
 * @param q             full-text query (web-search syntax), or null
 * @param affiliation   exact affiliation (any case), or null
 * @param source        a file key or a format, or null
 * @param hasDuplicates only works with (true) or without (false) duplicates, or null for both
 * @param hasAbstract   only works with (true) or without (false) an abstract in any record, or null for both
 * @param doi           a DOI (any case, with or without https://doi.org/), or null
 * @param authorWords   the folded words every one of which one author's name must hold (family name alone works), or
 *                      empty for no author filter
 * @param venue         the folded venue (case, accents and punctuation aside), or null
 * @param pmid          a PubMed id, or null
 * @param yearFrom      first year of the range, or null
 * @param yearTo        last year of the range, or null
 * @param select        the item fields to return (workId always)
 * @param groupBy       the facets to count
 * @param cursor        where the page starts, or null for the first page
 */
public record SearchRequest(String q, String affiliation, String source, Boolean hasDuplicates, Boolean hasAbstract,
                            String doi,
                            List<String> authorWords, String venue, String pmid,
                            Integer yearFrom, Integer yearTo, SearchSort sort, int limit, Set<String> select,
                            List<String> groupBy, SearchCursor cursor) {

    public static final int DEFAULT_LIMIT = 20;
    /** The cursor that starts a walk. */
    public static final String FIRST_PAGE = "*";
    public static final int MAX_LIMIT = 100;
    static final int MAX_QUERY_LENGTH = 500;
    static final int MAX_FILTER_LENGTH = 500;
    public static final Set<String> FIELDS = Set.of("workId", "title", "abstractText", "hasAbstract", "authors",
            "venue", "url",
            "affiliations", "identifiers", "memberCount", "year", "firstSeen", "updatedAt", "rank", "snippet",
            "titleHighlight");
    public static final List<String> GROUPS = List.of("affiliation", "source", "format", "year", "venue", "author");
    private static final Pattern YEARS = Pattern.compile("(\\d{4})?(-)?(\\d{4})?");

    /** Parses the query parameters of GET /works (all as given, null when absent). */
    public static SearchRequest of(String q, String affiliation, String source, String hasDuplicates,
                                   String hasAbstract, String doi,
                                   String author, String venue, String pmid, String year, String sort, String limit,
                                   String select, String groupBy, String cursor) {
        String query = text("q", q, MAX_QUERY_LENGTH, "Shorten the query to its most distinctive words.");
        String institution = text("affiliation", affiliation, MAX_FILTER_LENGTH, "");
        String file = text("source", source, MAX_FILTER_LENGTH, "");
        // Not a 400 for a DOI the normalizer refuses: DOI syntax is loose enough that it matches nothing instead.
        String doiText = text("doi", doi, MAX_FILTER_LENGTH, "");
        String doiValue = doiText == null ? null
                : Objects.requireNonNullElse(Identifiers.normalizeDoi(doiText), doiText.toLowerCase(Locale.ROOT));
        String pmidValue = identifier("pmid", pmid, Identifiers::normalizePmid, "a PubMed id", "digits, e.g. 27797938");
        List<String> authorWords = folded("author", author, "a name or a family name, such as Hinton");
        List<String> venueWords = folded("venue", venue, "a journal or conference name, such as Nature");
        Boolean duplicates = bool("has_duplicates", hasDuplicates, "only works with duplicates", "only works without");
        Boolean abstracts = bool("has_abstract", hasAbstract, "only works with an abstract",
                "only works whose records have none");
        Integer[] years = years(year);
        SearchSort order = SearchSort.parse(blankToNull(sort), query != null);
        SearchRequest request = new SearchRequest(query, institution, file, duplicates, abstracts, doiValue, authorWords,
                venueWords.isEmpty() ? null : String.join(" ", venueWords), pmidValue, years[0], years[1],
                order, parseLimit(limit), fields(select, query != null, order), groups(groupBy), null);
        String token = blankToNull(cursor);
        // cursor=* asks for the first page of a cursor walk (as OpenAlex has it): the same as no cursor.
        return token == null || token.equals(FIRST_PAGE) ? request : request.withCursor(SearchCursor.decode(token, order, request.fingerprint()));
    }

    public SearchRequest withCursor(SearchCursor after) {
        return new SearchRequest(q, affiliation, source, hasDuplicates, hasAbstract, doi, authorWords, venue, pmid, yearFrom,
                yearTo, sort, limit, select,
                groupBy, after);
    }

    /** The same request without author=: what the rest of it matches, for the planner to weigh the author against. */
    SearchRequest withoutAuthor() {
        return new SearchRequest(q, affiliation, source, hasDuplicates, hasAbstract, doi, List.of(), venue, pmid,
                yearFrom, yearTo, sort, limit, select, groupBy, cursor);
    }

    /** Identifies q, the filters and the sort: what a cursor must not be reused across. */
    String fingerprint() {
        String canonical = String.join("\u0001", String.valueOf(q),
                affiliation == null ? "null" : affiliation.toLowerCase(Locale.ROOT), String.valueOf(source),
                String.valueOf(hasDuplicates), String.valueOf(hasAbstract), String.valueOf(doi), String.valueOf(authorWords), String.valueOf(venue),
                String.valueOf(pmid), String.valueOf(yearFrom), String.valueOf(yearTo),
                sort.token());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean selects(String field) {
        return select.contains(field);
    }

    private static String text(String name, String value, int max, String advice) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        if (text.length() > max) {
            throw new InvalidParameterException(name, name + " is " + text.length() + " characters long; the limit is "
                    + max + ". " + advice);
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidParameterException(name, name + " contains a NUL character (%00). Remove it.");
        }
        return text;
    }

    /** A filter by identifier: normalized as every service normalizes it, or a 400 saying what one looks like. */
    private static String identifier(String name, String value, UnaryOperator<String> normalize, String what,
                                     String example) {
        String text = text(name, value, MAX_FILTER_LENGTH, "");
        if (text == null) {
            return null;
        }
        String normalized = normalize.apply(text);
        if (normalized == null) {
            throw new InvalidParameterException(name, name + " '" + SearchSort.brief(text) + "' is not " + what
                    + ". Use " + example + ".");
        }
        return normalized;
    }

    /** A name filter's folded words (see {@link FoldedText}); a value of punctuation alone is a 400. */
    private static List<String> folded(String name, String value, String example) {
        String text = text(name, value, MAX_FILTER_LENGTH, "");
        if (text == null) {
            return List.of();
        }
        List<String> words = FoldedText.words(text);
        if (words.isEmpty()) {
            throw new InvalidParameterException(name, name + " '" + SearchSort.brief(text) + "' has no letters or "
                    + "digits. Use " + example + " (case and accents do not matter).");
        }
        return List.copyOf(words);
    }

    private static Boolean bool(String name, String value, String ifTrue, String ifFalse) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameterException(name, name + " is '" + SearchSort.brief(text) + "'. Use true ("
                    + ifTrue + ") or false (" + ifFalse + ").");
        };
    }

    private static Integer[] years(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return new Integer[] {null, null};
        }
        Matcher range = YEARS.matcher(text);
        if (!range.matches() || (range.group(1) == null && range.group(3) == null)
                || (range.group(2) == null && range.group(3) != null)) {
            throw yearProblem("'" + SearchSort.brief(text) + "' is not a year or a range");
        }
        Integer from = range.group(1) == null ? null : Integer.valueOf(range.group(1));
        Integer to = range.group(2) == null ? from : range.group(3) == null ? null : Integer.valueOf(range.group(3));
        if (from != null && to != null && from > to) {
            throw yearProblem(from + " is after " + to);
        }
        return new Integer[] {from, to};
    }

    private static InvalidParameterException yearProblem(String why) {
        return new InvalidParameterException("year", "year " + why + ". Use 2020, 2018-2020, 2018- or -2020 "
                + "(four-digit years, both ends included). A work's year is its publication year, or the year of its "
                + "earliest arXiv id when no record gives one; works without either have none.");
    }

    private static Set<String> fields(String value, boolean hasQuery, SearchSort sort) {
        Set<String> fields = new LinkedHashSet<>();
        String text = blankToNull(value);
        if (text == null) {
            fields.addAll(FIELDS);
        } else {
            for (String field : text.split(",")) {
                String name = field.strip();
                if (!FIELDS.contains(name)) {
                    throw new InvalidParameterException("select", "select names '" + SearchSort.brief(name)
                            + "', which is not a field of a work. Use a comma-separated list of " + String.join(", ",
                            FIELDS.stream().sorted().toList()) + ".");
                }
                fields.add(name);
            }
            fields.add("workId");
        }
        if (!hasQuery) {
            fields.removeAll(Set.of("snippet", "titleHighlight"));
        }
        if (sort != SearchSort.RELEVANCE) {
            fields.remove("rank");
        }
        return Set.copyOf(fields);
    }

    private static List<String> groups(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return List.of();
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String group : text.split(",")) {
            String name = group.strip();
            if (!GROUPS.contains(name)) {
                throw new InvalidParameterException("group_by", "group_by names '" + SearchSort.brief(name)
                        + "'. Use a comma-separated list of " + String.join(", ", GROUPS) + ".");
            }
            groups.add(name);
        }
        return List.copyOf(groups);
    }

    private static int parseLimit(String limit) {
        if (blankToNull(limit) == null) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw limitProblem("'" + SearchSort.brief(limit) + "' is not a whole number");
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw limitProblem(value + " is out of range");
        }
        return value;
    }

    private static InvalidParameterException limitProblem(String why) {
        return new InvalidParameterException("limit", "limit " + why + ". Use a whole number from 1 to " + MAX_LIMIT
                + " (default " + DEFAULT_LIMIT + "); follow meta.nextCursor for more results.");
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
