package io.abstractcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.embedded.PostgresServer;
import io.abstractcatalog.embedded.TestDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults during an ingest of thousands of records, on the real stack with a restartable Kafka broker and
 * PostgreSQL: each service killed with SIGKILL, the broker killed and restarted, PostgreSQL stopped and restarted,
 * each while the records are flowing. After recovery the catalog must equal the one a clean run over the same
 * bucket produced: same work ids, same member records from the same places, nothing lost, nothing doubled.
 * Every run starts from empty Kafka, PostgreSQL and Kafka Streams state, so the runs cannot lean on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final Path ROOT = StackSettings.findProjectRoot();
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    private static final Duration QUIET_WITHIN = Duration.ofSeconds(300);
    private static final Duration STALLED_AFTER = Duration.ofSeconds(90);

    private static SyntheticCorpus corpus;
    private static CatalogSnapshot reference;

    @BeforeAll
    static void cleanRun() {
        corpus = SyntheticCorpus.generate(20_241_107L, ROOT.resolve("deploy/local/samples"), 2, 1_000, 40);
        System.out.println("faults  | corpus: " + corpus);
        reference = run("clean", stack -> { });
    }

    @Test
    @Order(1)
    void cleanRunFindsExactlyThePlantedDuplicates() {
        assertThat(reference.records()).isEqualTo(corpus.records());
        assertThat(reference.doubledRecords()).isEmpty();
        assertThat(reference.works()).hasSize(corpus.expectedWorks());
        assertThat(reference.groups()).as("works by member places").isEqualTo(new HashSet<>(corpus.expectedGroups()));
    }

    /**
     * The scenario as one ingest: the five faults strike in turn, each once the pipeline has moved on from
     * the previous one. One stack for all five keeps the suite within the CI budget (a stack per fault costs a minute
     * or more each on two cores).
     */
    @Test
    @Order(2)
    void everyServiceKilledAndKafkaAndPostgresRestartedInTurnChangeNothing() {
        assertSameCatalog(run("all five faults in turn", stack -> {
            killIngestInsideAFileTransaction(stack, 0.3);
            killDedup(stack, 0.15);
            killCatalog(stack, 0.3);
            killAndRestartKafka(stack, 0.45);
            restartPostgres(stack, 0.6);
        }));
    }

    /** SIGKILL of ingest-service while a file's transaction is open, once {@code share} of the records are on Kafka. */
    private static void killIngestInsideAFileTransaction(LocalStack stack, double share) throws Exception {
        try (Admin admin = admin(stack)) {
            awaitStrike(share + " of the records on Kafka and a file transaction open", () ->
                    rawCommittedOffsets(admin) >= corpus.records() * share && RawTopicReader.transactionOpen(admin));
            stack.ingest().kill();
            long onKafka = rawCommittedOffsets(admin);
            System.out.printf("faults  | ingest killed with %d of %d records committed on Kafka (load %s)%n",
                    onKafka, corpus.records(), loadAverage());
            assertThat(onKafka).as("killed before the ingest was complete").isLessThan(corpus.records());
        }
        stack.ingest().start(READY_WITHIN);
    }

    private static void killDedup(LocalStack stack, double share) {
        strikeWhenCatalogHolds(stack, "dedup (kill -9)", share);
        stack.dedup().kill();
        stack.dedup().start(READY_WITHIN);
    }

    private static void killCatalog(LocalStack stack, double share) {
        strikeWhenCatalogHolds(stack, "catalog (kill -9)", share);
        stack.catalog().kill();
        stack.catalog().start(READY_WITHIN);
    }

    private static void killAndRestartKafka(LocalStack stack, double share) {
        strikeWhenCatalogHolds(stack, "the Kafka broker (kill -9, restart)", share);
        stack.kafkaBroker().kill();
        stack.kafkaBroker().start();
    }

    private static void restartPostgres(LocalStack stack, double share) {
        strikeWhenCatalogHolds(stack, "PostgreSQL (stop, restart)", share);
        stack.postgres().stop();
        sleep(3_000); // long enough for the catalog to fail a batch or two and back off
        stack.postgres().restart();
    }

    private interface Fault {
        void strike(LocalStack stack) throws Exception;
    }

    /** A fresh stack in a fresh directory: drop the corpus, strike, wait until the catalog is quiet, read it. */
    private static CatalogSnapshot run(String name, Fault fault) {
        long began = System.nanoTime();
        Path workDir = TestDirectories.fresh("faults");
        StackSettings settings = StackSettings.forTest(ROOT, workDir);
        CatalogSnapshot snapshot;
        long dropped;
        try (LocalStack stack = LocalStack.startRestartable(settings, System.out)) {
            dropped = System.nanoTime();
            corpus.writeTo(settings.bucket());
            fault.strike(stack);
            snapshot = awaitQuiet(stack.postgres().jdbcUrl());
        } catch (Exception e) {
            throw new AssertionError(name + " failed (its logs and data are kept in " + workDir + "): " + e.getMessage(), e);
        }
        System.out.printf("faults  | %s: %d works, %d records; %.1f s from the drop, %.1f s with the stack's start and stop (load %s)%n",
                name, snapshot.works().size(), snapshot.records(), (System.nanoTime() - dropped) / 1e9,
                (System.nanoTime() - began) / 1e9, loadAverage());
        // The snapshot holds the result. The PostgreSQL binaries stay: zonky keeps using the first run's copy.
        for (String data : List.of("bucket", "data/kafka", "data/postgres/data", "data/dedup-state")) {
            deleteRecursively(workDir.resolve(data));
        }
        return snapshot;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("faults  | could not remove " + dir + ": " + e.getMessage());
        }
    }

    private static void assertSameCatalog(CatalogSnapshot faulted) {
        String differences = faulted.differencesFrom(reference, 5);
        assertThat(differences).as("the catalog after the fault").isEmpty();
        assertThat(faulted.doubledRecords()).as("records in more than one work").isEmpty();
    }

    private static void strikeWhenCatalogHolds(LocalStack stack, String target, double share) {
        long threshold = Math.round(corpus.records() * share);
        awaitStrike(share + " of the records in the catalog", () -> catalogRecords(stack.postgres().jdbcUrl()) >= threshold);
        long held = catalogRecords(stack.postgres().jdbcUrl());
        System.out.printf("faults  | striking %s with %d of %d records in the catalog (load %s)%n",
                target, held, corpus.records(), loadAverage());
        assertThat(held).as("struck before the catalog was complete").isLessThan(corpus.records());
    }

    private static void awaitStrike(String moment, Probe probe) {
        long deadline = System.nanoTime() + QUIET_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (probe.holds()) {
                    return;
                }
            } catch (Exception e) {
                // the probe's target is not answering yet
            }
            sleep(20);
        }
        throw new AssertionError("never reached the moment to strike: " + moment);
    }

    private interface Probe {
        boolean holds() throws Exception;
    }

    /**
     * Waits until the catalog holds every record and as many works as the corpus plants, and two reads two seconds
     * apart agree. A catalog that holds records but has not changed for {@link #STALLED_AFTER} is taken as it is, so
     * a lost or doubled record fails with the differences rather than a timeout. (A killed consumer's partitions
     * stay assigned to it until its session times out, 45 s by default: the stall limit must exceed that.)
     */
    private static CatalogSnapshot awaitQuiet(String jdbcUrl) {
        long deadline = System.nanoTime() + QUIET_WITHIN.toNanos();
        CatalogSnapshot last = null;
        long lastChanged = System.nanoTime();
        while (System.nanoTime() < deadline) {
            sleep(2_000);
            CatalogSnapshot now;
            try {
                now = CatalogSnapshot.read(jdbcUrl);
            } catch (IllegalStateException e) {
                continue; // PostgreSQL still restarting, or the schema not there yet
            }
            boolean complete = now.records() == corpus.records() && now.works().size() == corpus.expectedWorks();
            boolean stalled = now.records() > 0 && System.nanoTime() - lastChanged > STALLED_AFTER.toNanos();
            if (now.equals(last) && (complete || stalled)) {
                return now;
            }
            if (!now.equals(last)) {
                lastChanged = System.nanoTime();
            }
            last = now;
        }
        if (last == null) {
            throw new AssertionError("the catalog never answered within " + QUIET_WITHIN.toSeconds() + " s");
        }
        return last;
    }

    private static long catalogRecords(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM work_source")) {
            count.next();
            return count.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1; // not there yet (schema not migrated) or restarting
        }
    }

    /** Offsets below the last stable offset of abstracts.raw: the committed records plus a marker per transaction. */
    private static long rawCommittedOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        int partitions = admin.describeTopics(List.of(Topics.RAW.name())).allTopicNames().get().get(Topics.RAW.name()).partitions().size();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(Topics.RAW.name(), p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .values().stream().mapToLong(o -> o.offset()).sum();
    }

    private static Admin admin(LocalStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
    }

    private static String loadAverage() {
        return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
