package io.abstractcatalog.catalog.consume;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL that a test can stop and start again mid-run: same port, same data directory (so the service's
 * JDBC URL stays valid and committed data survives). The shared {@code PostgresTestResource} cannot restart, so
 * this helper lives with the one test that needs it.
 */
public class RestartablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static Path directory;
    private static int port;
    private static EmbeddedPostgres server;

    @Override
    public synchronized Map<String, String> start() {
        try {
            directory = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "catalog-restartable-pg-");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            // Never "clean": zonky deletes a clean data directory on close, which would lose the data across the restart.
            server = builder().start();
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE catalog");
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a restartable PostgreSQL: " + e.getMessage(), e);
        }
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/catalog",
                "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres");
    }

    /** Stops the server (fast shutdown: open connections are cut, as in a crash of the database host). */
    public static synchronized void stopServer() throws IOException {
        server.close();
        server = null;
    }

    /** Starts it again on the same port and data directory. */
    public static synchronized void startServer() throws IOException {
        server = builder().start();
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/catalog";
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(directory.resolve("data"))
                .setCleanDataDirectory(false) // the directory is fresh at first start, so initdb runs once
                .setOverrideWorkingDirectory(directory.resolve("binaries").toFile());
    }

    @Override
    public synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            server = null;
            try (var files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory; the OS cleans it eventually
            }
        }
    }
}
