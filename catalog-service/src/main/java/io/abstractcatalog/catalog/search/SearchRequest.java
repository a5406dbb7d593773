package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.problem.InvalidParameterException;

/**
 * A validated GET /works request. Parameters arrive as text and are checked here, so a bad value is a 400 naming
 * the parameter and the valid range, not the framework's bare 404 for an unconvertible query parameter.
 *
 * @param q           full-text query, or null to list by recency
 * @param affiliation exact affiliation (any case), or null
 */
record SearchRequest(String q, String affiliation, int limit, SearchCursor cursor) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MAX_QUERY_LENGTH = 500;
    static final int MAX_AFFILIATION_LENGTH = 500;

    static SearchRequest of(String q, String affiliation, String limit, String cursor) {
        String query = blankToNull(q);
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidParameterException("q", "q is " + query.length() + " characters long; the limit is "
                    + MAX_QUERY_LENGTH + ". Shorten the query to its most distinctive words.");
        }
        String institution = blankToNull(affiliation);
        if (institution != null && institution.length() > MAX_AFFILIATION_LENGTH) {
            throw new InvalidParameterException("affiliation", "affiliation is " + institution.length()
                    + " characters long; the limit is " + MAX_AFFILIATION_LENGTH + ".");
        }
        SearchCursor after = blankToNull(cursor) == null ? null : SearchCursor.decode(cursor.strip());
        if (after != null && (query != null) != (after instanceof SearchCursor.ByRank)) {
            throw new InvalidParameterException("cursor", query != null
                    ? "This cursor comes from a listing without q, but this request has q. Repeat the request that "
                            + "returned the cursor, or leave cursor out to start the search from its first page."
                    : "This cursor comes from a search with q, but this request has none. Repeat the same q, or "
                            + "leave cursor out to start the listing from its first page.");
        }
        return new SearchRequest(query, institution, parseLimit(limit), after);
    }

    private static int parseLimit(String limit) {
        if (blankToNull(limit) == null) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw limitProblem("'" + limit + "' is not a whole number");
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw limitProblem(value + " is out of range");
        }
        return value;
    }

    private static InvalidParameterException limitProblem(String why) {
        return new InvalidParameterException("limit", "limit " + why + ". Use a whole number from 1 to " + MAX_LIMIT
                + " (default " + DEFAULT_LIMIT + "); follow nextCursor for more results.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
