package io.abstractcatalog.catalog.store;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.EventJson;
import io.abstractcatalog.contract.FoldedText;
import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkEvent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * Writes work events into the catalog. Every write is guarded by the event's version, so applying an event twice,
 * or an older event after a newer one, changes nothing: Kafka may redeliver freely.
 */
@ApplicationScoped
public class WorkWriter {

    private static final String UPSERT_WORK = """
            INSERT INTO work (work_id, version, title, abstract_text, member_count, first_seen, updated_at, year,
                              authors, venue, venue_key, url, match_count)
            VALUES (?, ?, ?, ?, ?, ?, coalesce(?, now()), ?, ?::jsonb, ?, ?, ?, ?)
            ON CONFLICT (work_id) DO UPDATE SET
                version = EXCLUDED.version,
                title = EXCLUDED.title,
                abstract_text = EXCLUDED.abstract_text,
                member_count = EXCLUDED.member_count,
                first_seen = EXCLUDED.first_seen,
                updated_at = EXCLUDED.updated_at,
                year = EXCLUDED.year,
                authors = EXCLUDED.authors,
                venue = EXCLUDED.venue,
                venue_key = EXCLUDED.venue_key,
                url = EXCLUDED.url,
                match_count = EXCLUDED.match_count
            WHERE work.version < EXCLUDED.version
            """;

    // Recorded only when no newer state of the old id exists, as a work row or as an earlier redirect.
    private static final String UPSERT_REDIRECT = """
            INSERT INTO work_redirect (from_id, to_id, version)
            SELECT ?, ?, ?
            WHERE NOT EXISTS (SELECT 1 FROM work WHERE work_id = ? AND version >= ?)
            ON CONFLICT (from_id) DO UPDATE SET to_id = EXCLUDED.to_id, version = EXCLUDED.version
            WHERE work_redirect.version < EXCLUDED.version
            """;

    private final AgroalDataSource dataSource;

    WorkWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies the events in one transaction: all of them land, or none (the exception says why). The catalog ends
     * as if they were applied one by one in order, at a dozen statements per batch instead of about ten per event:
     * events of different works never touch each other's rows, and of one work's events in a batch only the newest
     * version can leave a trace (each write is guarded by version), so the older ones are {@link Outcome#STALE}.
     */
    public BatchResult apply(List<WorkEvent> events) throws SQLException {
        return inTransaction(connection -> applyNewest(connection, events));
    }

    private BatchResult applyNewest(Connection connection, List<WorkEvent> events) throws SQLException {
        Map<String, Integer> newest = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            WorkEvent event = events.get(i);
            // On equal versions the first one wins, as one at a time: every guard is "strictly older".
            newest.merge(event.workId(), i, (kept, next) -> events.get(next).version() > events.get(kept).version()
                    ? next : kept);
        }
        Outcome[] outcomes = new Outcome[events.size()];
        Arrays.fill(outcomes, Outcome.STALE);
        List<Integer> upserts = new ArrayList<>();
        List<Integer> redirects = new ArrayList<>();
        for (int index : newest.values()) {
            (events.get(index).type() == WorkEvent.Type.UPSERTED ? upserts : redirects).add(index);
        }
        upsertAll(connection, events, upserts, outcomes);
        redirectAll(connection, events, redirects, outcomes);
        return new BatchResult(Arrays.asList(outcomes));
    }

    private void upsertAll(Connection connection, List<WorkEvent> events, List<Integer> upserts, Outcome[] outcomes)
            throws SQLException {
        Map<String, Long> redirected = redirectVersions(connection,
                upserts.stream().map(i -> events.get(i).workId()).toList());
        List<Work> candidates = new ArrayList<>();
        List<Integer> candidateIndexes = new ArrayList<>();
        for (int index : upserts) {
            WorkEvent event = events.get(index);
            Long redirectVersion = redirected.get(event.workId());
            if (redirectVersion == null || redirectVersion < event.version()) {
                candidates.add(event.work());
                candidateIndexes.add(index);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        int[] changed;
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_WORK)) {
            for (int i = 0; i < candidates.size(); i++) {
                setWork(upsert, candidates.get(i), events.get(candidateIndexes.get(i)).version());
                upsert.addBatch();
            }
            changed = upsert.executeBatch();
        }
        List<Work> applied = new ArrayList<>();
        List<String> cameBack = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (changed[i] > 0) {
                Work work = candidates.get(i);
                applied.add(work);
                outcomes[candidateIndexes.get(i)] = Outcome.APPLIED;
                if (redirected.containsKey(work.workId())) {
                    cameBack.add(work.workId()); // a newer version of a redirected id: the redirect is over
                }
            }
        }
        executeForAll(connection, "DELETE FROM work_redirect WHERE from_id = ANY (?)", cameBack);
        WorkChildren.replace(connection, applied);
        WorkMatchRows.replace(connection, applied);
    }

    private void redirectAll(Connection connection, List<WorkEvent> events, List<Integer> redirects,
                             Outcome[] outcomes) throws SQLException {
        if (redirects.isEmpty()) {
            return;
        }
        int[] changed;
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_REDIRECT)) {
            for (int index : redirects) {
                setRedirect(upsert, events.get(index));
                upsert.addBatch();
            }
            changed = upsert.executeBatch();
        }
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < redirects.size(); i++) {
            if (changed[i] > 0) {
                outcomes[redirects.get(i)] = Outcome.REDIRECTED;
                gone.add(events.get(redirects.get(i)).workId());
            }
        }
        // Sources, affiliations and identifiers go with them (ON DELETE CASCADE); the surviving works list them.
        executeForAll(connection, "DELETE FROM work WHERE work_id = ANY (?)", gone);
    }

    /**
     * Like {@link #apply}, still one transaction, but an event whose data the database refuses is rolled back to a
     * savepoint and reported to {@code rejected} (with its index) instead of failing the batch. Slower: used only
     * after {@link #apply} failed on data.
     */
    public BatchResult applyEach(List<WorkEvent> events, ObjIntConsumer<SQLException> rejected) throws SQLException {
        return inTransaction(connection -> {
            List<Outcome> outcomes = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    outcomes.add(applyNewest(connection, List.of(events.get(i))).outcomes().get(0));
                    connection.releaseSavepoint(savepoint);
                } catch (SQLException e) {
                    if (!isDataError(e)) {
                        throw e;
                    }
                    connection.rollback(savepoint);
                    rejected.accept(e, i);
                    outcomes.add(Outcome.REJECTED);
                }
            }
            return new BatchResult(outcomes);
        });
    }

    /**
     * True when the database refused the values themselves (SQLSTATE classes 22 data exception, 23 integrity,
     * 54 program limit such as an over-long tsvector): retrying cannot help, unlike a lost connection.
     */
    public static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
    }

    private static void setWork(PreparedStatement upsert, Work work, long version) throws SQLException {
        upsert.setString(1, work.workId());
        upsert.setLong(2, version);
        upsert.setString(3, clean(work.title()));
        // '' marks a work without abstract: a NULL would null the generated search columns (V13)
        upsert.setString(4, work.abstractText() == null || work.abstractText().isBlank() ? "" : clean(work.abstractText()));
        upsert.setInt(5, work.memberCount());
        Columns.setInstant(upsert, 6, work.firstSeen());
        Columns.setInstant(upsert, 7, work.updatedAt());
        setNullableInt(upsert, 8, WorkYear.of(work));
        // jsonb refuses \u0000 as well: the names are cleaned before they become JSON
        List<Author> authors = work.authors().stream()
                .map(a -> new Author(clean(a.name()), clean(a.family()), clean(a.given()), a.orcid())).toList();
        upsert.setString(9, new String(EventJson.write(authors), StandardCharsets.UTF_8));
        upsert.setString(10, clean(work.venue()));
        String venueKey = FoldedText.of(work.venue());
        upsert.setString(11, venueKey == null || venueKey.isEmpty() ? null : venueKey);
        upsert.setString(12, clean(work.url()));
        // null: an event before schema 3 did not say (V14); its count is capped at int, as the rows are at 50
        setNullableInt(upsert, 13, work.matches() == null ? null : (int) Math.min(work.matches().count(), Integer.MAX_VALUE));
    }

    private static void setRedirect(PreparedStatement upsert, WorkEvent event) throws SQLException {
        upsert.setString(1, event.workId());
        upsert.setString(2, event.redirectTo());
        upsert.setLong(3, event.version());
        upsert.setString(4, event.workId());
        upsert.setLong(5, event.version());
    }

    /** The recorded redirect version of each id that has one. */
    private static Map<String, Long> redirectVersions(Connection connection, List<String> workIds)
            throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        if (workIds.isEmpty()) {
            return versions;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT from_id, version FROM work_redirect WHERE from_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", workIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return versions;
    }

    /** Runs a statement whose one parameter is the array of the given ids; nothing when there are none. */
    static void executeForAll(Connection connection, String sql, List<String> workIds) throws SQLException {
        if (workIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", workIds.toArray()));
            statement.executeUpdate();
        }
    }

    static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** PostgreSQL text cannot hold NUL; a stray one in an abstract must not make the work unstorable. */
    static String clean(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }

    private <T> T inTransaction(TransactionBody<T> body) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = body.runIn(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        }
    }

    @FunctionalInterface
    private interface TransactionBody<T> {
        T runIn(Connection connection) throws SQLException;
    }
}
