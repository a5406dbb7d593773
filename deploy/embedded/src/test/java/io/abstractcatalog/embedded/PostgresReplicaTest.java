package io.abstractcatalog.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The local stack's read replica: a real hot standby that streams the primary's writes and refuses its own. */
class PostgresReplicaTest {

    @Test
    void aRowCommittedOnThePrimaryAppearsOnTheReplicaWhichRefusesWrites() throws Exception {
        try (PostgresServer primary = PostgresServer.startRestartable(TestDirectories.fresh("pg-primary"), "catalog")) {
            execute(primary.jdbcUrl(), "CREATE TABLE before_copy (name text)", "INSERT INTO before_copy VALUES ('copied')");
            try (PostgresReplica replica = PostgresReplica.follow(primary, TestDirectories.fresh("pg-replica"))) {
                assertThat(replica.jdbcUrl()).isNotEqualTo(primary.jdbcUrl()).endsWith("/catalog");
                assertThat(single(replica.jdbcUrl(), "SELECT pg_is_in_recovery()::text")).isEqualTo("true");
                assertThat(single(replica.jdbcUrl(), "SELECT name FROM before_copy")).isEqualTo("copied");

                execute(primary.jdbcUrl(), "CREATE TABLE after_copy (name text)", "INSERT INTO after_copy VALUES ('streamed')");
                long started = System.nanoTime();
                String seen = null;
                while (seen == null && System.nanoTime() - started < Duration.ofSeconds(30).toNanos()) {
                    try {
                        seen = single(replica.jdbcUrl(), "SELECT name FROM after_copy");
                    } catch (SQLException notYet) {
                        Thread.sleep(20);
                    }
                }
                assertThat(seen).isEqualTo("streamed");
                System.out.printf("replica saw a committed row after %d ms%n", (System.nanoTime() - started) / 1_000_000);

                assertThatThrownBy(() -> execute(replica.jdbcUrl(), "INSERT INTO after_copy VALUES ('refused')"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
            }
        }
    }

    private static String single(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            for (String sql : statements) {
                connection.createStatement().execute(sql);
            }
        }
    }
}
