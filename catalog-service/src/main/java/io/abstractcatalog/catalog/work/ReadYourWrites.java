package io.abstractcatalog.catalog.work;

import io.abstractcatalog.catalog.store.ReadDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Lookups of one work read the read datasource, and the primary when the read side does not have it (yet): a replica
 * lags by its replay lag, and a work applied a moment ago must not answer 404. Searches accept the lag.
 */
@ApplicationScoped
class ReadYourWrites {

    interface Read<T> {
        Optional<T> from(AgroalDataSource source) throws SQLException;
    }

    interface SnapshotRead<T> {
        Optional<T> from(Connection connection) throws SQLException;
    }

    private final AgroalDataSource reads;
    private final AgroalDataSource primary;

    ReadYourWrites(@DataSource(ReadDatabase.NAME) AgroalDataSource reads, AgroalDataSource primary) {
        this.reads = reads;
        this.primary = primary;
    }

    <T> Optional<T> read(Read<T> read) throws SQLException {
        Optional<T> found = read.from(reads);
        return found.isPresent() ? found : read.from(primary);
    }

    /**
     * Like {@link #read}, with every statement of {@code read} in one read-only snapshot: a row and its children
     * cannot come from two versions of a work updated meanwhile.
     */
    <T> Optional<T> readSnapshot(SnapshotRead<T> read) throws SQLException {
        return read(source -> {
            try (Connection connection = source.getConnection()) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try {
                    return read.from(connection);
                } finally {
                    connection.rollback(); // nothing was written; ends the snapshot
                }
            }
        });
    }
}
