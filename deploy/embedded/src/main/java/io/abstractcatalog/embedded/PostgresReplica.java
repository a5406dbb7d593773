package io.abstractcatalog.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A hot-standby PostgreSQL server that streams from a {@link PostgresServer}: what CloudNativePG's replicas are in a
 * cluster, on one machine. zonky ships no {@code pg_basebackup}, so the base copy is a file copy of the primary's data
 * directory taken while it is stopped (consistent by construction; done once, at start, while the database is small).
 * A physical replication slot keeps the WAL the replica still needs, so it never falls behind for good.
 */
public final class PostgresReplica implements AutoCloseable {

    /** The replication slot on the primary; one replica per primary here. */
    static final String SLOT = "catalog_replica";
    /** Files a running server owns that a copy must not take with it. */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private final EmbeddedPostgres postgres;
    private final String jdbcUrl;

    private PostgresReplica(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.jdbcUrl = postgres.getJdbcUrl(PostgresServer.USER, database).replaceFirst("\\?.*$", "");
    }

    /**
     * Starts a replica of {@code primary} (which must be restartable: it is stopped for the copy and started again on
     * its port) in {@code replicaDir}, and returns once the replica accepts read-only connections.
     */
    public static PostgresReplica follow(PostgresServer primary, Path replicaDir) {
        try (Connection connection = DriverManager.getConnection(primary.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = connection.createStatement()) {
            // Reserved now, so the WAL written after the copy's checkpoint stays until the replica has streamed it.
            statement.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the replication slot on the primary: " + e.getMessage(), e);
        }
        primary.stop();
        Path data = replicaDir.resolve("data");
        try {
            copy(primary.dataDirectory(), data);
        } finally {
            primary.restart();
        }
        try {
            Files.writeString(data.resolve("standby.signal"), "");
            Files.writeString(data.resolve("postgresql.auto.conf"), """
                    primary_conninfo = 'host=localhost port=%d user=%s password=%s application_name=catalog-replica'
                    primary_slot_name = '%s'
                    hot_standby = on
                    """.formatted(primary.port(), PostgresServer.USER, PostgresServer.PASSWORD, SLOT),
                    StandardOpenOption.APPEND);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setOverrideWorkingDirectory(replicaDir.resolve("binaries").toFile())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new PostgresReplica(postgres, primary.database());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the PostgreSQL replica in " + replicaDir + ": " + e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                if (NOT_COPIED.contains(source.getFileName().toString())) {
                    continue;
                }
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
            // PostgreSQL refuses a data directory that others can read.
            Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the primary's data directory " + from + " for the replica", e);
        }
    }

    /** How far the replica's replay is behind the primary's last write, as the primary sees it (null: caught up or unknown). */
    public static Duration replayLag(PostgresServer primary) throws SQLException {
        try (Connection connection = DriverManager.getConnection(primary.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT extract(epoch FROM replay_lag) FROM pg_stat_replication WHERE application_name = 'catalog-replica'")) {
            if (!row.next() || row.getObject(1) == null) {
                return null;
            }
            return Duration.ofNanos((long) (row.getDouble(1) * 1e9));
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("the PostgreSQL replica did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
