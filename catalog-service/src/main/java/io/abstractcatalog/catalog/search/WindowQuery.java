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
     * null; at most window.size() + 1; left out on paths INDEX and AUTHOR) and "matches" (all matches, read only when
     * the probe found too few; on path AUTHOR the newest window.size() + 1 of them, from the author's index walk),
     * with the given columns of alias w.
     */
    static Sql sources(SearchRequest request, PhrasePairs phrases, WindowScan scan, String columns) {
        Sql sql = Sql.of("WITH ");
        if (scan.path() == WindowPath.AUTHOR) {
            // The walk's own updated_at (a copy of the work's, V12) keeps the order the index's, so it stops early.
            return sql.append("matches AS MATERIALIZED (SELECT aw.work_id, aw.updated_at")
                    .append(MatchingWorks.fromWhere(request, phrases, Works.BY_AUTHOR))
                    .append(" ORDER BY aw.updated_at DESC, aw.work_id LIMIT ?) ", scan.window().size() + 1);
        }
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
        if (scan.path() != WindowPath.PROBE) {
            return newestMatches(request, scan.window(), columns);
        }
        int size = scan.window().size();
        return Sql.of("SELECT * FROM probe WHERE (SELECT count(*) FROM probe) > ? UNION ALL ", size)
                .append(newestMatches(request, scan.window(), columns))
                .append(" WHERE (SELECT count(*) FROM probe) <= ?", size);
    }

    /**
     * How many works match in all, when finding the window already read every match ("matches" was read whole: on
     * path INDEX, or on path PROBE when the probe found too few); else NULL. Costs no read of its own: "matches" is
     * materialized, and on path PROBE the CASE reads it only when the window was taken from it.
     */
    static Sql matched(WindowScan scan) {
        return switch (scan.path()) {
            case INDEX -> Sql.of("(SELECT count(*) FROM matches)");
            case PROBE -> Sql.of("CASE WHEN (SELECT count(*) FROM probe) > ? THEN NULL"
                    + " ELSE (SELECT count(*) FROM matches) END", scan.window().size());
            // The walk stops after the window: what it read tells no more than the window's own count.
            case AUTHOR -> Sql.of("NULL::bigint");
        };
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
