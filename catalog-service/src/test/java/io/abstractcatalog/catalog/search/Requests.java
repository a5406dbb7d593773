package io.abstractcatalog.catalog.search;

/** GET /works requests as the tests that predate the bibliographic filters write them (has_abstract, author, venue, pmid unset). */
final class Requests {

    private Requests() {
    }

    static SearchRequest of(String q, String affiliation, String source, String hasDuplicates, String doi, String year,
                            String sort, String limit, String select, String groupBy, String cursor) {
        return SearchRequest.of(q, affiliation, source, hasDuplicates, null, doi, null, null, null, year, sort, limit, select,
                groupBy, cursor);
    }
}
