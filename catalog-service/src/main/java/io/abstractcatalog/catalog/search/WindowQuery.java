package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.search.MatchingWorks.Works;

/**
 * The SQL that finds a window, the newest matches a search ranks or counts (see {@link PageQuery} for why it is
 * found this way): shared by the page query and the facet queries. Pure: text and binds only.
 */
final class WindowQuery {

    private WindowQuery() {
    }

    /**
     * The CTEs "probe" (the newest matches among the works updated since the probe's start, all works when it is
     * null; at most window.size() + 1; left out on path INDEX) and "matches" (all matches, read only when the probe
     * found too few), with the given columns of alias w.
     */
    static Sql sources(SearchRequest request, PhrasePairs phrases, WindowScan scan, String columns) {
        Sql sql = Sql.of("WITH ");
        if (scan.path() == WindowPath.PROBE) {
            sql.append("probe AS MATERIALIZED (SELECT " + columns)
                    .append(MatchingWorks.fromWhere(request, phrases, Works.NEWEST));
            if (scan.since() != null) {
                // A bind value, not a sub-select: the planner weighs it (newest first vs. the GIN index) per query.
                sql.append(" AND w.updated_at >= ?", Sql.timestamp(scan.since()));
            }
            sql.append(" ORDER BY w.updated_at DESC, w.work_id LIMIT ?), ", scan.window().size() + 1);
        }
        // Only the keys: a query of several medium-frequency words reaches this CTE with thousands of matches, and
        // copying each whole row (abstract, tsvector) into it cost a third of the query; the newest are joined back.
        return sql.append("matches AS MATERIALIZED (SELECT w.work_id, w.updated_at")
                .append(MatchingWorks.fromWhere(request, phrases, Works.ALL))
                .append(") ");
    }

    /**
     * The newest window.size() + 1 matches with the given columns (as in {@link #sources}): from the probe when it
     * found enough, else from all matches.
     */
    static Sql windowed(SearchRequest request, WindowScan scan, String columns) {
        if (scan.path() == WindowPath.INDEX) {
            return newestMatches(request, scan.window(), columns);
        }
        int size = scan.window().size();
        return Sql.of("SELECT * FROM probe WHERE (SELECT count(*) FROM probe) > ? UNION ALL ", size)
                .append(newestMatches(request, scan.window(), columns))
                .append(" WHERE (SELECT count(*) FROM probe) <= ?", size);
    }

    /** The newest window.size() + 1 of "matches", joined back to work for the given columns. */
    private static Sql newestMatches(SearchRequest request, RankWindow window, String columns) {
        Sql sql = Sql.of("SELECT " + columns + " FROM (SELECT * FROM matches ORDER BY updated_at DESC, work_id LIMIT ?)"
                + " newest JOIN work w ON w.work_id = newest.work_id", window.size() + 1);
        if (request.q() != null) {
            sql.append(", websearch_to_tsquery('english', ?) query", request.q());
        }
        return sql;
    }
}
