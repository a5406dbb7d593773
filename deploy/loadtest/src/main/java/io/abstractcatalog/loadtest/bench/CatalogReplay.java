package io.abstractcatalog.loadtest.bench;

import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.embedded.PostgresServer;
import io.abstractcatalog.local.ServiceProcess;
import io.abstractcatalog.local.StackSettings;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The catalog stage alone, on the same events: a second catalog-service JVM (same jar, same settings as the stack's)
 * with its own consumer group and a fresh database on the same PostgreSQL server reads the whole {@code works} topic
 * while ingest and dedup are idle. In the bulk run the catalog only gets what dedup hands it; this shows what it
 * could take.
 */
final class CatalogReplay {

    private static final String DATABASE = "loadtest_catalog_replay";
    private static final String GROUP = "loadtest-catalog-replay";

    record Result(long events, long records, long works, double seconds) {
    }

    private CatalogReplay() {
    }

    static Result measure(StackSettings stack, String kafkaBootstrap, String catalogJdbcUrl, KafkaOffsets offsets,
                          PrintStream serviceOutput, Duration timeout) throws SQLException, InterruptedException {
        String replayUrl = catalogJdbcUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + DATABASE);
        execute(catalogJdbcUrl, "DROP DATABASE IF EXISTS " + DATABASE, "CREATE DATABASE " + DATABASE);
        long events = offsets.end(Topics.WORKS);
        ServiceProcess replay = new ServiceProcess("catalog-replay",
                stack.projectRoot().resolve("catalog-service/target/quarkus-app/quarkus-run.jar"), StackSettings.freePort(),
                Map.of("kafka.bootstrap.servers", kafkaBootstrap,
                        "topics.partitions", Integer.toString(stack.partitions()),
                        "quarkus.datasource.jdbc.url", replayUrl,
                        "quarkus.datasource.username", PostgresServer.USER,
                        "quarkus.datasource.password", PostgresServer.PASSWORD,
                        "catalog.consumer.group-id", GROUP), serviceOutput);
        try {
            replay.start(Duration.ofSeconds(180));
            long readyAt = System.nanoTime();
            long atReady = offsets.committed(GROUP, Topics.WORKS);
            long deadline = readyAt + timeout.toNanos();
            long done;
            while (true) {
                done = System.nanoTime();
                if (offsets.lag(GROUP, List.of(Topics.WORKS)) == 0 && offsets.committed(GROUP, Topics.WORKS) > 0) {
                    break;
                }
                if (done > deadline) {
                    throw new IllegalStateException("the replayed catalog did not catch up within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(200);
            }
            long[] counts = counts(replayUrl);
            // events applied after it reported ready, over the time since: start-up (JVM, Flyway) is not counted
            double seconds = (done - readyAt) / 1e9;
            double share = events == 0 ? 0 : (events - atReady) / (double) events;
            return new Result(events - atReady, Math.round(counts[0] * share), counts[1], seconds);
        } finally {
            replay.stop();
            execute(catalogJdbcUrl, "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    private static long[] counts(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT (SELECT count(*) FROM work_source), (SELECT count(*) FROM work)")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
