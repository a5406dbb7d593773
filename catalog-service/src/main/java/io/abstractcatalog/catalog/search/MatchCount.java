package io.abstractcatalog.catalog.search;

import io.abstractcatalog.contract.http.ListMeta.CountKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How many works match q and the filters, for a page's meta.count: PostgreSQL's planner estimate (an EXPLAIN, no
 * execution), counted exactly when the estimate is small. An exact count(*) of a common word's matches reads most of
 * a million-work catalog on every request; counting up to {@link #EXACT_UP_TO} rows costs less than the page itself.
 */
record MatchCount(long count, CountKind kind) {

    /** Estimates up to this many are counted, and at most this many plus one rows are read to count them. */
    static final int EXACT_UP_TO = 1_000;

    static MatchCount of(Connection connection, SearchRequest request, PhrasePairs phrases) throws SQLException {
        long estimate = SearchPlanner.plannedRows(connection, estimate(request, phrases));
        if (estimate > EXACT_UP_TO) {
            return new MatchCount(estimate, CountKind.ESTIMATE);
        }
        try (PreparedStatement statement = bounded(request, phrases).prepare(connection);
             ResultSet row = statement.executeQuery()) {
            row.next();
            long counted = row.getLong(1);
            // The planner was wrong by a lot: more than the bound match, and the estimate is known to be too low.
            return counted <= EXACT_UP_TO ? new MatchCount(counted, CountKind.EXACT)
                    : new MatchCount(counted, CountKind.ESTIMATE);
        }
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
}
