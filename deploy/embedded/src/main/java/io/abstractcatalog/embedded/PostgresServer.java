package io.abstractcatalog.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
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

    private final EmbeddedPostgres postgres;
    private final String database;

    private PostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /** Starts a server with a fresh data directory under {@code dataDir} and creates {@code database} in it. */
    public static PostgresServer start(Path dataDir, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain lower-case identifier: " + database);
        }
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("data"))
                    .setCleanDataDirectory(true)
                    // Binaries are unpacked here instead of /tmp, so parallel builds and users do not collide.
                    .setOverrideWorkingDirectory(dataDir.resolve("binaries").toFile())
                    .start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            return new PostgresServer(postgres, database);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL server in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, database).replaceFirst("\\?.*$", "");
    }

    public int port() {
        return postgres.getPort();
    }

    public String database() {
        return database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
