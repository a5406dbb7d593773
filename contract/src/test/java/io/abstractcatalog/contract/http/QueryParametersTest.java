package io.abstractcatalog.contract.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParametersTest {

    private static final List<String> WORKS = List.of("q", "affiliation", "source", "has_duplicates", "doi", "author",
            "venue", "pmid", "year", "sort", "limit", "cursor", "select", "group_by", "format");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "-", value = {
            // typos: one or two edits, a swap of neighbours counting as one
            "limt, limit", "lmit, limit", "limti, limit", "limits, limit", "auhtor, author", "affilation, affiliation",
            "has_duplicate, has_duplicates", "gropu_by, group_by", "yaer, year", "cursr, cursor",
            // case and separators
            "Limit, limit", "LIMIT, limit", "groupBy, group_by", "group-by, group_by", "hasDuplicates, has_duplicates",
            // names other APIs use
            "per_page, limit", "per-page, limit", "perPage, limit", "page_size, limit", "rows, limit", "page, cursor",
            "query, q", "search, q", "sort_by, sort", "order, sort", "fields, select", "publication_year, year",
            // nothing close: no guess
            "filter, -", "x, -", "qq, -", "z, -", "abstract, -", "titel, -", "lang, -", "limitlimit, -"})
    void aParameterCloseToAKnownOneGetsAHint(String given, String meant) {
        assertThat(QueryParameters.suggestion(given, WORKS).orElse(null)).isEqualTo(meant);
    }

    @ParameterizedTest(name = "{0} on an endpoint without limit")
    @CsvSource({"per_page", "limt"})
    void aHabitOrTypoIsOnlySuggestedWhereTheEndpointHasTheParameter(String given) {
        assertThat(QueryParameters.suggestion(given, List.of("prefix"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource({"limit, limit, 0", "limt, limit, 1", "lmiit, limit, 1", "limit, timil, 2", "'', abc, 3",
            "kitten, sitting, 3"})
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps(String a, String b, int distance) {
        assertThat(QueryParameters.distance(a, b)).isEqualTo(distance);
    }

    @org.junit.jupiter.api.Test
    void theProblemNamesTheFirstUnknownParameterAndEveryKnownOne() {
        Problem problem = QueryParameters.check(List.of("q", "per_page", "other"), WORKS, "/works").orElseThrow();

        assertThat(problem.type()).isEqualTo("urn:abstract-catalog:problem:unknown-parameter");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.parameter()).isEqualTo("per_page");
        assertThat(problem.instance()).isEqualTo("/works");
        assertThat(problem.knownParameters()).isEqualTo(WORKS);
        assertThat(problem.detail()).isEqualTo("'per_page' is not a parameter of /works. Did you mean 'limit'? Known "
                + "parameters: q, affiliation, source, has_duplicates, doi, author, venue, pmid, year, sort, limit, "
                + "cursor, select, group_by, format.");
        assertThat(QueryParameters.check(List.of("q", "limit"), WORKS, "/works")).isEmpty();
    }
}
