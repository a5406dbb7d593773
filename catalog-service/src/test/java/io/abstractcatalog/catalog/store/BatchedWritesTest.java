package io.abstractcatalog.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.Identifiers;
import io.abstractcatalog.contract.SourceRef;
import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.contract.WorkSource;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The batched write path ({@link WorkWriter#apply}) must leave exactly the state that applying the same events one
 * at a time leaves, for any mix of upserts, redirects, replays and out-of-order versions over a few shared ids, and
 * however the stream is cut into batches. Both run against the real database, under different id prefixes.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class BatchedWritesTest {

    private static final int IDS = 5;

    @Inject
    WorkWriter writer;
    @Inject
    AgroalDataSource dataSource;

    /** One event of a script, independent of the id prefix it is written under. */
    record Step(int id, long version, boolean redirect, int target, int variant) {

        WorkEvent event(String prefix) {
            String workId = prefix + id;
            if (redirect) {
                return WorkEvent.redirected(workId, version, prefix + target);
            }
            List<WorkSource> sources = new ArrayList<>();
            for (int s = 0; s <= variant % 3; s++) {
                sources.add(new WorkSource("r-" + id + "-" + ((variant + s) % 4),
                        new SourceRef("bucket", "file-" + s + ".txt", "hash-" + s, "csv", s, s + 1, null),
                        Instant.parse("2026-01-05T10:00:00Z")));
            }
            List<String> affiliations = variant % 2 == 0 ? List.of("Inst " + variant % 3) : List.of();
            Identifiers identifiers = new Identifiers(variant % 4 == 0 ? List.of("10.1/" + id) : List.of(),
                    variant % 3 == 0 ? List.of("2101.0000" + id) : List.of());
            return WorkEvent.upserted(new Work(workId, version, "Title " + id + " v" + version + "/" + variant,
                    "Abstract " + variant, affiliations, identifiers, sources, sources.size(),
                    Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2026-02-01T00:00:00Z").plusSeconds(version),
                    null, null, null, null));
        }
    }

    @Test
    void batchesOfAnySizeLeaveTheStateThatOneEventAtATimeLeaves() throws SQLException {
        for (int seed = 0; seed < 30; seed++) {
            Random random = new Random(seed);
            List<Step> script = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int id = random.nextInt(IDS);
                script.add(new Step(id, 1 + random.nextInt(8), random.nextInt(10) < 3,
                        (id + 1 + random.nextInt(IDS - 1)) % IDS, random.nextInt(12)));
            }
            String batched = "b" + UUID.randomUUID() + "-";
            String oneByOne = "s" + UUID.randomUUID() + "-";

            int from = 0;
            while (from < script.size()) {
                int to = Math.min(script.size(), from + 1 + random.nextInt(15));
                writer.apply(script.subList(from, to).stream().map(step -> step.event(batched)).toList());
                from = to;
            }
            for (Step step : script) {
                writer.applyEach(List.of(step.event(oneByOne)), (failure, index) -> {
                    throw new AssertionError(failure);
                });
            }

            assertThat(state(batched)).as("seed %d: %s", seed, script).isEqualTo(state(oneByOne));
        }
    }

    @Test
    void olderEventsOfAWorkInTheSameBatchAreStaleAndTheNewestApplies() throws SQLException {
        String prefix = "o" + UUID.randomUUID() + "-";
        BatchResult result = writer.apply(List.of(
                new Step(0, 1, false, 0, 1).event(prefix),
                new Step(0, 3, false, 0, 2).event(prefix),
                new Step(0, 2, false, 0, 3).event(prefix), // late and older: stale even one at a time
                new Step(1, 1, false, 0, 1).event(prefix),
                new Step(1, 2, true, 0, 0).event(prefix)));

        assertThat(result.outcomes()).containsExactly(Outcome.STALE, Outcome.APPLIED, Outcome.STALE, Outcome.STALE,
                Outcome.REDIRECTED);
        assertThat(state(prefix)).containsExactlyInAnyOrder(
                "redirect 1 -> 0 v2",
                "work 0 v3 Title 0 v3/2 | Abstract 2 | 3 members | year null",
                "work 0 source r-0-2 file-0.txt 0", "work 0 source r-0-3 file-1.txt 1",
                "work 0 source r-0-0 file-2.txt 2", "work 0 affiliation Inst 2");
    }

    /** Every row under the prefix, with the prefix cut off, as sorted lines. */
    private List<String> state(String prefix) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            query(connection, "SELECT work_id, version, title, abstract_text, member_count, year FROM work"
                    + " WHERE work_id LIKE ?", prefix, rows -> "work " + strip(rows.getString(1), prefix) + " v"
                    + rows.getLong(2) + " " + rows.getString(3) + " | " + rows.getString(4) + " | " + rows.getInt(5)
                    + " members | year " + rows.getObject(6), lines);
            query(connection, "SELECT work_id, record_id, object_key, ordinal FROM work_source WHERE work_id LIKE ?",
                    prefix, rows -> "work " + strip(rows.getString(1), prefix) + " source " + rows.getString(2) + " "
                            + rows.getString(3) + " " + rows.getInt(4), lines);
            query(connection, "SELECT work_id, affiliation FROM work_affiliation WHERE work_id LIKE ?", prefix,
                    rows -> "work " + strip(rows.getString(1), prefix) + " affiliation " + rows.getString(2), lines);
            query(connection, "SELECT work_id, kind, value FROM work_identifier WHERE work_id LIKE ?", prefix,
                    rows -> "work " + strip(rows.getString(1), prefix) + " " + rows.getString(2) + " "
                            + rows.getString(3), lines);
            query(connection, "SELECT from_id, to_id, version FROM work_redirect WHERE from_id LIKE ?", prefix,
                    rows -> "redirect " + strip(rows.getString(1), prefix) + " -> " + strip(rows.getString(2), prefix)
                            + " v" + rows.getLong(3), lines);
        }
        return List.copyOf(lines);
    }

    private interface Line {
        String of(ResultSet rows) throws SQLException;
    }

    private static void query(Connection connection, String sql, String prefix, Line line, TreeSet<String> lines)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, prefix + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    lines.add(line.of(rows));
                }
            }
        }
    }

    private static String strip(String id, String prefix) {
        return id.startsWith(prefix) ? id.substring(prefix.length()) : id;
    }
}
