package io.abstractcatalog.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the binaries zonky publishes on Maven Central, on a free port, with its data
 * directory under the given folder. Holds one application database.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private EmbeddedPostgres postgres;
    private final String database;
    private final Path dataDir;
    private final int port;
    private final String jdbcUrl;

    private PostgresServer(EmbeddedPostgres postgres, String database, Path dataDir) {
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.jdbcUrl = postgres.getJdbcUrl(USER, database).replaceFirst("\\?.*$", "");
        this.database = database;
        this.dataDir = dataDir;
    }

    /** Starts a server with a fresh data directory under {@code dataDir} and creates {@code database} in it. */
    public static PostgresServer start(Path dataDir, String database) {
        return start(dataDir, database, false);
    }

    /**
     * Like {@link #start(Path, String)}, but the server can be stopped and started again ({@link #stop()},
     * {@link #restart()}) on the same port with the same data, as a restarted database host would be. The data
     * directory is then kept after {@link #close()} too; whoever owns {@code dataDir} removes it.
     */
    public static PostgresServer startRestartable(Path dataDir, String database) {
        return start(dataDir, database, true);
    }

    private static PostgresServer start(Path dataDir, String database, boolean restartable) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain lower-case identifier: " + database);
        }
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = restartable
                    // Never "clean" here: zonky deletes a clean data directory on close, and the data must survive a stop.
                    ? builder(dataDir).setPort(freePort()).setCleanDataDirectory(false).start()
                    : builder(dataDir).setCleanDataDirectory(true).start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            return new PostgresServer(postgres, database, restartable ? dataDir : null);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL server in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Stops a restartable server (fast shutdown: open connections are cut, committed data stays). */
    public synchronized void stop() {
        requireRestartable();
        if (postgres != null) {
            close();
            postgres = null;
        }
    }

    /** Starts a restartable server again on the same port and data directory; ready when this returns. */
    public synchronized void restart() {
        requireRestartable();
        stop();
        try {
            postgres = builder(dataDir).setPort(port).setCleanDataDirectory(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private void requireRestartable() {
        if (dataDir == null) {
            throw new IllegalStateException("this PostgreSQL server was not started restartable (see startRestartable)");
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDir) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.resolve("data"))
                // Binaries are unpacked here instead of /tmp, so parallel builds and users do not collide.
                .setOverrideWorkingDirectory(dataDir.resolve("binaries").toFile());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** The data directory of a restartable server (a {@link PostgresReplica} copies it). */
    Path dataDirectory() {
        requireRestartable();
        return dataDir.resolve("data");
    }

    @Override
    public synchronized void close() {
        if (postgres == null) {
            return; // stopped
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
