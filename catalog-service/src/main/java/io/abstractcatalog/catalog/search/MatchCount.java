package io.abstractcatalog.catalog.search;

import io.abstractcatalog.contract.http.ListMeta.CountKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How many works match q and the filters, for a page's meta.count, as cheaply as it can be known: exact when the page
 * query already saw every match (see {@link #seen}), else the estimate the plan was chosen by (or an EXPLAIN when it
 * made none), counted exactly when that estimate is small. An exact count(*) of a common word's matches reads most of
 * a million-work catalog on every request; counting up to {@link #EXACT_UP_TO} rows costs less than the page itself.
 */
record MatchCount(long count, CountKind kind) {

    /** Estimates up to this many are counted, and at most this many plus one rows are read to count them. */
    static final int EXACT_UP_TO = 1_000;

    /**
     * What the page query saw of the matches.
     *
     * @param rows       the rows it returned (one more than the page when a next page exists)
     * @param candidates sort=relevance: the rank window's rows (window size + 1 when matches were left out of it);
     *                   0 when no row was returned or the sort is another
     * @param matched    sort=relevance: every match, when finding the window read them all; else null
     */
    record Seen(int rows, long candidates, Long matched) {
    }

    /** The count of a page: what the page query saw, else the plan's estimate, counted when small. */
    static MatchCount of(Connection connection, SearchRequest request, SearchPlan plan, Seen seen) throws SQLException {
        MatchCount exact = seen(request, plan.rank().window(), seen);
        if (exact != null) {
            return exact;
        }
        long estimate = plan.matches() != null ? plan.matches()
                : SearchPlanner.plannedRows(connection, estimate(request, plan.phrases()));
        MatchCount count = estimate > EXACT_UP_TO ? new MatchCount(estimate, CountKind.ESTIMATE)
                : counted(connection, request, plan.phrases());
        // The page itself may show more matches than a low estimate: never say fewer than it saw.
        long atLeast = atLeast(request, plan.rank().window(), seen);
        return count.count() < atLeast ? new MatchCount(atLeast, CountKind.ESTIMATE) : count;
    }

    /** The count without a page's knowledge: the planner's estimate, counted when small. */
    static MatchCount of(Connection connection, SearchRequest request, PhrasePairs phrases) throws SQLException {
        long estimate = SearchPlanner.plannedRows(connection, estimate(request, phrases));
        return estimate > EXACT_UP_TO ? new MatchCount(estimate, CountKind.ESTIMATE)
                : counted(connection, request, phrases);
    }

    /**
     * The exact count when the page query already tells it, else null. Ranked, the window is the newest matches
     * (see {@link PageQuery}): when it holds no more than its size, it holds them all, on any page; and when it was
     * taken from all the matches, their number came with it. Otherwise a first page without a next page holds them
     * all.
     */
    static MatchCount seen(SearchRequest request, RankWindow window, Seen seen) {
        if (request.sort() == SearchSort.RELEVANCE && seen.rows() > 0) {
            if (seen.matched() != null) {
                return new MatchCount(seen.matched(), CountKind.EXACT);
            }
            if (seen.candidates() <= window.size()) {
                return new MatchCount(seen.candidates(), CountKind.EXACT);
            }
            return null;
        }
        // Ranked, a page can be shorter than the limit while the window left matches out (a window smaller than it).
        if (request.cursor() == null && seen.rows() <= request.limit()
                && (request.sort() != SearchSort.RELEVANCE || seen.rows() == 0)) {
            return new MatchCount(seen.rows(), CountKind.EXACT);
        }
        return null;
    }

    /** The fewest matches the page shows there are. */
    static long atLeast(SearchRequest request, RankWindow window, Seen seen) {
        if (request.sort() == SearchSort.RELEVANCE) {
            return seen.candidates();
        }
        return request.cursor() == null ? seen.rows() : 0;
    }

    /** The planner's estimate of every match (no window: the count is of all of them). */
    static Sql estimate(SearchRequest request, PhrasePairs phrases) {
        return Sql.of("EXPLAIN SELECT 1").append(MatchingWorks.fromWhere(request, phrases, MatchingWorks.Works.ALL));
    }

    /** The count of the matches, reading at most one row more than {@link #EXACT_UP_TO}. */
    static Sql bounded(SearchRequest request, PhrasePairs phrases) {
        return Sql.of("SELECT count(*) FROM (SELECT 1")
                .append(MatchingWorks.fromWhere(request, phrases, MatchingWorks.Works.ALL))
                .append(" LIMIT ?) m", EXACT_UP_TO + 1);
    }

    private static MatchCount counted(Connection connection, SearchRequest request, PhrasePairs phrases)
            throws SQLException {
        try (PreparedStatement statement = bounded(request, phrases).prepare(connection);
             ResultSet row = statement.executeQuery()) {
            row.next();
            long counted = row.getLong(1);
            // The planner was wrong by a lot: more than the bound match, and the estimate is known to be too low.
            return counted <= EXACT_UP_TO ? new MatchCount(counted, CountKind.EXACT)
                    : new MatchCount(counted, CountKind.ESTIMATE);
        }
    }
}
