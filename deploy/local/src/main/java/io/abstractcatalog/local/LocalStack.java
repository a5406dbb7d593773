package io.abstractcatalog.local;

import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.TopicProvisioner;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.embedded.KafkaBroker;
import io.abstractcatalog.embedded.KafkaBrokerProcess;
import io.abstractcatalog.embedded.PostgresReplica;
import io.abstractcatalog.embedded.PostgresServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole system on one machine: a real Kafka broker and a real PostgreSQL server from Maven Central
 * artifacts, then ingest-service, dedup-service and catalog-service as child JVMs wired to them.
 * Kafka and PostgreSQL start empty each time; the bucket is kept, so its files are ingested again at every start.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final StackSettings settings;
    private final PrintStream out;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final KafkaMode kafkaMode;
    private KafkaBroker kafka;
    private KafkaBrokerProcess kafkaProcess;
    private KafkaConnection connection;
    private PostgresServer postgres;
    private PostgresReplica replica;
    private ServiceProcess ingest;
    private ServiceProcess dedup;
    private ServiceProcess catalog;
    /** The key ingest-service requires for uploads and retries: the prod profile refuses them without one. */
    private final String apiKey = newApiKey();

    /**
     * How the infrastructure runs: Kafka in-process; Kafka and PostgreSQL as child processes that can be stopped and
     * killed (fault injection); Kafka as a child JVM with a SASL_SSL listener.
     */
    private enum KafkaMode { IN_PROCESS, RESTARTABLE, SASL }

    /** The one user the broker of {@link #startWithSasl} admits. */
    static final KafkaBrokerProcess.SaslUser SASL_USER = new KafkaBrokerProcess.SaslUser("abstract-catalog",
            "local-secret");

    private LocalStack(StackSettings settings, PrintStream out, KafkaMode kafkaMode) {
        this.settings = settings;
        this.out = out;
        this.kafkaMode = kafkaMode;
    }

    public static LocalStack start(StackSettings settings, PrintStream out) {
        return start(settings, out, KafkaMode.IN_PROCESS);
    }

    /**
     * The same stack for fault injection: Kafka runs as a child JVM that {@link #kafkaBroker()} can stop, kill and
     * start again on the same port and logs, and {@link #postgres()} can be stopped and started on the same port and
     * data. Costs a few seconds more to start than {@link #start(StackSettings, PrintStream)}.
     */
    public static LocalStack startRestartable(StackSettings settings, PrintStream out) {
        return start(settings, out, KafkaMode.RESTARTABLE);
    }

    /**
     * The same stack against a broker that admits only clients authenticated by SASL over TLS: every service, and
     * this stack's own topic set-up, reach it with the {@code kafka.security.protocol}, {@code kafka.sasl.*} and
     * {@code kafka.ssl.*} settings a user would give for a secured cluster.
     */
    public static LocalStack startWithSasl(StackSettings settings, PrintStream out) {
        return start(settings, out, KafkaMode.SASL);
    }

    private static LocalStack start(StackSettings settings, PrintStream out, KafkaMode kafkaMode) {
        LocalStack stack = new LocalStack(settings, out, kafkaMode);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        long began = System.nanoTime();
        prepareFolders();
        Path kafkaDir = settings.dataDir().resolve("kafka");
        switch (kafkaMode) {
            case IN_PROCESS -> {
                kafka = KafkaBroker.start(kafkaDir);
                started.add(kafka);
                connection = KafkaConnection.to(kafka.bootstrapServers());
            }
            case RESTARTABLE -> {
                kafkaProcess = KafkaBrokerProcess.start(kafkaDir);
                started.add(kafkaProcess);
                connection = KafkaConnection.to(kafkaProcess.bootstrapServers());
            }
            case SASL -> {
                kafkaProcess = KafkaBrokerProcess.startWithSasl(kafkaDir, SASL_USER);
                started.add(kafkaProcess);
                connection = kafkaProcess.saslConnection();
            }
        }
        TopicProvisioner.ensure(connection, Topics.ALL, settings.partitions());
        out.println("stack   | Kafka (KRaft) ready at " + connection);
        // A replica copies the primary's data directory while it is stopped, so its primary must be restartable.
        postgres = kafkaMode == KafkaMode.RESTARTABLE || settings.readReplica()
                ? PostgresServer.startRestartable(settings.dataDir().resolve("postgres"), "catalog")
                : PostgresServer.start(settings.dataDir().resolve("postgres"), "catalog");
        started.add(postgres);
        out.println("stack   | PostgreSQL ready at " + postgres.jdbcUrl());
        if (settings.readReplica()) {
            replica = PostgresReplica.follow(postgres, settings.dataDir().resolve("postgres-replica"));
            started.add(replica);
            out.println("stack   | PostgreSQL read replica ready at " + replica.jdbcUrl());
        }

        Map<String, String> kafkaConfig = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", connection.bootstrapServers(),
                "topics.partitions", Integer.toString(settings.partitions())));
        if (kafkaMode == KafkaMode.SASL) {
            kafkaProcess.saslClientSettings().forEach((key, value) -> kafkaConfig.put("kafka." + key, value));
        }
        catalog = service("catalog", settings.catalogPort(), merge(kafkaConfig, Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "quarkus.datasource.reads.jdbc.url", replica != null ? replica.jdbcUrl() : postgres.jdbcUrl())));
        dedup = service("dedup", settings.dedupPort(), merge(kafkaConfig, Map.of(
                "kafka-streams.state.dir", settings.dataDir().resolve("dedup-state").toString())));
        ingest = service("ingest", settings.ingestPort(), merge(kafkaConfig, Map.of(
                "ingest.bucket.path", settings.bucket().toString(),
                "ingest.api-key", apiKey)));
        // Consumers first, so the first files dropped flow straight through.
        for (ServiceProcess service : List.of(catalog, dedup, ingest)) {
            service.start(READY_WITHIN);
            started.add(service);
        }
        out.printf("stack   | ready in %.1f s%n", (System.nanoTime() - began) / 1e9);
    }

    /** The API key of this run's uploads and retries ({@code X-Api-Key}), new at every start. */
    public String apiKey() {
        return apiKey;
    }

    public ServiceProcess ingest() {
        return ingest;
    }

    public ServiceProcess dedup() {
        return dedup;
    }

    public ServiceProcess catalog() {
        return catalog;
    }

    public String kafkaBootstrapServers() {
        return connection.bootstrapServers();
    }

    /** How this stack's services reach Kafka (with credentials, on a stack from {@link #startWithSasl}). */
    public KafkaConnection kafkaConnection() {
        return connection;
    }

    /** The broker of a stack from {@link #startRestartable}, to stop, kill and start again. */
    public KafkaBrokerProcess kafkaBroker() {
        if (kafkaProcess == null) {
            throw new IllegalStateException("Kafka runs in-process here and cannot be restarted: use LocalStack.startRestartable");
        }
        return kafkaProcess;
    }

    /** The catalog's PostgreSQL server; from {@link #startRestartable} it can also be stopped and restarted. */
    public PostgresServer postgres() {
        return postgres;
    }

    /** The streaming replica the catalog reads from, or null when the stack runs without one. */
    public PostgresReplica readReplica() {
        return replica;
    }

    public StackSettings settings() {
        return settings;
    }

    /** Stops the services (newest first), then PostgreSQL and Kafka. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                out.println("stack   | " + e.getMessage());
            }
        }
        started.clear();
    }

    private ServiceProcess service(String name, int port, Map<String, String> config) {
        Path jar = settings.projectRoot().resolve(name + "-service/target/quarkus-app/quarkus-run.jar");
        return new ServiceProcess(name, jar, port, config, out);
    }

    private void prepareFolders() {
        try {
            Files.createDirectories(settings.bucket());
            deleteRecursively(settings.dataDir()); // Kafka and PostgreSQL start empty: the bucket is the truth
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + settings.dataDir(), e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** 128 random bits, URL-safe: fit for a header and a shell command line without quoting trouble. */
    private static String newApiKey() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> merged = new HashMap<>(a);
        merged.putAll(b);
        return merged;
    }
}
