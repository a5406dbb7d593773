package io.abstractcatalog.catalog.store;

import io.abstractcatalog.contract.SourceRef;
import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.contract.WorkSource;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * Writes work events into the catalog. Every write is guarded by the event's version, so applying an event twice,
 * or an older event after a newer one, changes nothing: Kafka may redeliver freely.
 */
@ApplicationScoped
public class WorkWriter {

    private static final String UPSERT_WORK = """
            INSERT INTO work (work_id, version, title, abstract_text, member_count, first_seen, updated_at, year)
            VALUES (?, ?, ?, ?, ?, ?, coalesce(?, now()), ?)
            ON CONFLICT (work_id) DO UPDATE SET
                version = EXCLUDED.version,
                title = EXCLUDED.title,
                abstract_text = EXCLUDED.abstract_text,
                member_count = EXCLUDED.member_count,
                first_seen = EXCLUDED.first_seen,
                updated_at = EXCLUDED.updated_at,
                year = EXCLUDED.year
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

    private static final String INSERT_SOURCE = """
            INSERT INTO work_source (work_id, record_id, bucket, object_key, content_hash, format, ordinal, line,
                                     source_id, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private final AgroalDataSource dataSource;

    WorkWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies the events in order in one transaction: all of them land, or none (the exception says why). */
    public BatchResult apply(List<WorkEvent> events) throws SQLException {
        return inTransaction(connection -> {
            List<Outcome> outcomes = new ArrayList<>(events.size());
            for (WorkEvent event : events) {
                outcomes.add(applyOne(connection, event));
            }
            return new BatchResult(outcomes);
        });
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
                    outcomes.add(applyOne(connection, events.get(i)));
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

    private Outcome applyOne(Connection connection, WorkEvent event) throws SQLException {
        return switch (event.type()) {
            case UPSERTED -> upsert(connection, event.work(), event.version());
            case REDIRECTED -> redirect(connection, event.workId(), event.redirectTo(), event.version());
        };
    }

    private Outcome upsert(Connection connection, Work work, long version) throws SQLException {
        Long redirectVersion = redirectVersion(connection, work.workId());
        if (redirectVersion != null && redirectVersion >= version) {
            return Outcome.STALE;
        }
        int changed;
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_WORK)) {
            upsert.setString(1, work.workId());
            upsert.setLong(2, version);
            upsert.setString(3, clean(work.title()));
            upsert.setString(4, work.abstractText() == null ? "" : clean(work.abstractText()));
            upsert.setInt(5, work.memberCount());
            Columns.setInstant(upsert, 6, work.firstSeen());
            Columns.setInstant(upsert, 7, work.updatedAt());
            setNullableInt(upsert, 8, WorkYear.of(work));
            changed = upsert.executeUpdate();
        }
        if (changed == 0) {
            return Outcome.STALE;
        }
        if (redirectVersion != null) {
            // A newer version of a redirected id: the work came back (e.g. a cluster split), the redirect is over.
            execute(connection, "DELETE FROM work_redirect WHERE from_id = ?", work.workId());
        }
        replaceChildren(connection, work);
        return Outcome.APPLIED;
    }

    private Outcome redirect(Connection connection, String fromId, String toId, long version) throws SQLException {
        int changed;
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_REDIRECT)) {
            upsert.setString(1, fromId);
            upsert.setString(2, toId);
            upsert.setLong(3, version);
            upsert.setString(4, fromId);
            upsert.setLong(5, version);
            changed = upsert.executeUpdate();
        }
        if (changed == 0) {
            return Outcome.STALE;
        }
        // Sources, affiliations and identifiers go with it (ON DELETE CASCADE); the surviving work lists them.
        execute(connection, "DELETE FROM work WHERE work_id = ?", fromId);
        return Outcome.REDIRECTED;
    }

    /** Children follow the work row: replaced whole, and only when the row itself changed. */
    private void replaceChildren(Connection connection, Work work) throws SQLException {
        String id = work.workId();
        execute(connection, "DELETE FROM work_source WHERE work_id = ?", id);
        execute(connection, "DELETE FROM work_affiliation WHERE work_id = ?", id);
        execute(connection, "DELETE FROM work_identifier WHERE work_id = ?", id);

        try (PreparedStatement insert = connection.prepareStatement(INSERT_SOURCE)) {
            for (WorkSource source : work.sources()) {
                SourceRef ref = source.source();
                insert.setString(1, id);
                insert.setString(2, clean(source.recordId()));
                insert.setString(3, ref == null ? null : clean(ref.bucket()));
                insert.setString(4, ref == null ? null : clean(ref.key()));
                insert.setString(5, ref == null ? null : clean(ref.contentHash()));
                insert.setString(6, ref == null ? null : clean(ref.format()));
                setNullableInt(insert, 7, ref == null ? null : ref.ordinal());
                setNullableInt(insert, 8, ref == null ? null : ref.line());
                insert.setString(9, ref == null ? null : clean(ref.sourceId()));
                Columns.setInstant(insert, 10, source.ingestedAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO work_affiliation (work_id, affiliation) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (String affiliation : work.affiliations()) {
                if (affiliation != null && !affiliation.isBlank()) {
                    insert.setString(1, id);
                    insert.setString(2, clean(affiliation.strip()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO work_identifier (work_id, kind, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            addIdentifiers(insert, id, "doi", work.identifiers().doi());
            addIdentifiers(insert, id, "arxiv", work.identifiers().arxiv());
            insert.executeBatch();
        }
    }

    private static void addIdentifiers(PreparedStatement insert, String workId, String kind, List<String> values)
            throws SQLException {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                insert.setString(1, workId);
                insert.setString(2, kind);
                insert.setString(3, clean(value.strip()));
                insert.addBatch();
            }
        }
    }

    private static Long redirectVersion(Connection connection, String workId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT version FROM work_redirect WHERE from_id = ?")) {
            query.setString(1, workId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    private static void execute(Connection connection, String sql, String workId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, workId);
            statement.executeUpdate();
        }
    }

    private static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** PostgreSQL text cannot hold NUL; a stray one in an abstract must not make the work unstorable. */
    private static String clean(String text) {
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
