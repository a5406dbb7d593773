package io.abstractcatalog.catalog.store;

import io.abstractcatalog.contract.EventJson;
import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkMatch;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code work_match} rows of works (V14): the pairs of members dedup's matcher accepted, replaced whole with the
 * work like {@link WorkChildren}; a work whose event predates schema 3 (no matches) gets none.
 */
final class WorkMatchRows {

    /** The evidence document of a row: every value of the pair but the columns of its own. */
    record Evidence(String identifier, Double abstractJaccard, Double containment, boolean sameOpening,
                    String titleRelation, boolean titleGeneric, int sharedAuthors, int authorsA, int authorsB,
                    Integer yearA, Integer yearB, Boolean sameVenue) {

        static Evidence of(WorkMatch pair) {
            return new Evidence(WorkWriter.clean(pair.identifier()), pair.abstractJaccard(), pair.containment(),
                    pair.sameOpening(), WorkWriter.clean(pair.titleRelation()), pair.titleGeneric(), pair.sharedAuthors(),
                    pair.authorsA(), pair.authorsB(), pair.yearA(), pair.yearB(), pair.sameVenue());
        }
    }

    private WorkMatchRows() {
    }

    static void replace(Connection connection, List<Work> works) throws SQLException {
        if (works.isEmpty()) {
            return;
        }
        WorkWriter.executeForAll(connection, "DELETE FROM work_match WHERE work_id = ANY (?)",
                works.stream().map(Work::workId).toList());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO work_match (work_id, position, record_a, record_b, rule, matcher_version, evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            for (Work work : works) {
                if (work.matches() == null) {
                    continue;
                }
                List<WorkMatch> pairs = work.matches().pairs();
                for (int position = 0; position < Math.min(pairs.size(), Short.MAX_VALUE); position++) {
                    WorkMatch pair = pairs.get(position);
                    insert.setString(1, work.workId());
                    insert.setShort(2, (short) position);
                    insert.setString(3, WorkWriter.clean(pair.recordA()));
                    insert.setString(4, WorkWriter.clean(pair.recordB()));
                    insert.setString(5, WorkWriter.clean(pair.rule()));
                    insert.setInt(6, pair.matcherVersion());
                    insert.setString(7, new String(EventJson.write(Evidence.of(pair)), StandardCharsets.UTF_8));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
