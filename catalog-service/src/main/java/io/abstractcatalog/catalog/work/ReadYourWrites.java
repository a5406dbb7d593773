package io.abstractcatalog.catalog.work;

import io.abstractcatalog.catalog.store.ReadDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
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
}
