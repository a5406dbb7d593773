package io.abstractcatalog.loadtest.bench;

import io.abstractcatalog.embedded.PostgresServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The database's own limit for what the catalog does: load the catalog's final rows into a fresh database of the
 * same schema (migrated by the catalog's Flyway scripts, so the same indexes, constraints and generated search
 * vector) on the same server, with {@code COPY … FROM STDIN (FORMAT binary)}, all tables in one transaction. The rows
 * are exported first (not timed); only the load is timed.
 */
public final class CopyLimit {

    /** Parents before children (foreign keys). */
    static final List<String> TABLES = List.of("work", "work_source", "work_affiliation", "work_identifier", "work_redirect");
    private static final String TARGET_DATABASE = "loadtest_copy_limit";

    /** {@code secondsPerTable}: where the load's time goes (the search vector and its GIN index are in "work"). */
    public record Result(Map<String, Long> rowsPerTable, Map<String, Double> secondsPerTable, double seconds) {
        public long records() {
            return rowsPerTable.getOrDefault("work_source", 0L);
        }

        public long rows() {
            return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private CopyLimit() {
    }

    /**
     * @param catalogJdbcUrl the catalog's database ({@code jdbc:postgresql://host:port/catalog})
     * @param migrations     the catalog's {@code db/migration} folder
     * @param scratch        where the exported rows are kept meanwhile
     */
    public static Result measure(String catalogJdbcUrl, Path migrations, Path scratch) throws SQLException, IOException {
        String targetUrl = catalogJdbcUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + TARGET_DATABASE);
        Files.createDirectories(scratch);
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection source = connect(catalogJdbcUrl)) {
            try (Statement statement = source.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + TARGET_DATABASE);
                statement.execute("CREATE DATABASE " + TARGET_DATABASE);
            }
            CopyManager copy = source.unwrap(PGConnection.class).getCopyAPI();
            for (String table : TABLES) {
                columns.put(table, storedColumns(source, table));
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(scratch.resolve(table + ".bin")), 1 << 20)) {
                    rows.put(table, copy.copyOut("COPY (SELECT " + String.join(", ", columns.get(table)) + " FROM " + table
                            + ") TO STDOUT (FORMAT binary)", out));
                }
            }
        }
        Flyway.configure().dataSource(targetUrl, PostgresServer.USER, PostgresServer.PASSWORD)
                .locations("filesystem:" + migrations.toAbsolutePath()).load().migrate();

        double seconds;
        Map<String, Double> secondsPerTable = new LinkedHashMap<>();
        try (Connection target = connect(targetUrl)) {
            target.setAutoCommit(false);
            CopyManager copy = target.unwrap(PGConnection.class).getCopyAPI();
            long began = System.nanoTime();
            for (String table : TABLES) {
                long tableBegan = System.nanoTime();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(scratch.resolve(table + ".bin")), 1 << 20)) {
                    long loaded = copy.copyIn("COPY " + table + " (" + String.join(", ", columns.get(table))
                            + ") FROM STDIN (FORMAT binary)", in);
                    if (loaded != rows.get(table)) {
                        throw new IllegalStateException(table + ": exported " + rows.get(table) + " rows, loaded " + loaded);
                    }
                }
                secondsPerTable.put(table, (System.nanoTime() - tableBegan) / 1e9);
            }
            long committing = System.nanoTime();
            target.commit();
            secondsPerTable.put("commit", (System.nanoTime() - committing) / 1e9);
            seconds = (System.nanoTime() - began) / 1e9;
        }
        try (Connection source = connect(catalogJdbcUrl); Statement statement = source.createStatement()) {
            statement.execute("DROP DATABASE " + TARGET_DATABASE);
        }
        for (String table : TABLES) {
            Files.deleteIfExists(scratch.resolve(table + ".bin"));
        }
        return new Result(rows, secondsPerTable, seconds);
    }

    /** Every column but generated ones (the search vector is computed again by the load, as by the catalog). */
    private static List<String> storedColumns(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet columns = statement.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
                     + " AND table_name = '" + table + "' AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
            while (columns.next()) {
                names.add(columns.getString(1));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("table " + table + " not found in the catalog's database");
        }
        return names;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
