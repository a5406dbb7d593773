package io.abstractcatalog.loadtest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.TopicProvisioner;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.embedded.KafkaBroker;
import io.abstractcatalog.loadtest.Options;
import io.abstractcatalog.loadtest.generate.Corpus;
import io.abstractcatalog.loadtest.generate.Expected;
import io.abstractcatalog.loadtest.generate.LoadGenerator;
import io.abstractcatalog.loadtest.generate.LoadSpec;
import io.abstractcatalog.local.ServiceProcess;
import io.abstractcatalog.local.StackSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code deploy/loadtest/ingest-bench.sh}: ingest alone against the raw Kafka producer, in the same run, on the
 * bench's files. Only a Kafka broker (in this JVM) and the ingest-service JVM run, so nothing else competes for
 * the cores. Each round drops every file at once (hard links, under a new sub-folder, so the keys and record ids
 * are new) and times it from the drop to the last file's DONE entry in the ledger; then {@link RawProducerLimit}
 * sends the records of the first round, read back from {@code abstracts.raw}, with a plain producer. Rounds
 * alternate the two, so a machine shared with other work slows both alike; the load average is printed with each.
 */
public final class IngestBenchmark {

    static final String USAGE = """
            usage: ingest-bench.sh --corpus=CSV [--records=100k] [--per-file=1000] [--seed=42] [--partitions=3]
                                   [--rounds=3] [--dir=deploy/loadtest/target/ingest-bench] [--ingest-option=key=value,...]
              --corpus          CSV of real abstracts, e.g. ../shared/eval/arxiv-oai-sample/arxiv_data.csv
              --records         records per round, in files of --per-file records (formats take turns, as in bench.sh)
              --rounds          ingest + raw producer, alternated this many times (the first ingest round warms the JVM)
              --ingest-option   extra ingest-service settings, e.g. ingest.producer.compression=none
              --dir             work folder (deleted first): generated files, bucket, Kafka data, ingest.log
            """;

    private static final String RAW_LIMIT_TOPIC = "loadtest.raw-limit";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Set.of("corpus", "records", "per-file", "seed", "partitions", "rounds", "dir",
                "ingest-option"), USAGE);
        if (!options.has("corpus")) {
            System.err.println("--corpus is required\n" + USAGE);
            System.exit(2);
        }
        LoadSpec spec = LoadSpec.of(options.count("records", 100_000), options.count("per-file", 1_000),
                LoadSpec.DEFAULT_EXACT_SHARE, LoadSpec.DEFAULT_NEAR_SHARE,
                Long.parseLong(options.string("seed", Long.toString(LoadSpec.DEFAULT_SEED))));
        Map<String, String> ingestOptions = new java.util.HashMap<>();
        for (String option : options.string("ingest-option", "").split(",")) {
            if (!option.isBlank()) {
                int eq = option.indexOf('=');
                ingestOptions.put(option.substring(0, eq).strip(), option.substring(eq + 1).strip());
            }
        }
        run(Path.of(options.string("corpus", "")), spec, options.count("partitions", 3), options.count("rounds", 3),
                Path.of(options.string("dir", Options.defaultWorkDir("ingest-bench").toString())).toAbsolutePath(),
                ingestOptions, System.out);
        System.exit(0); // the broker's non-daemon threads
    }

    static void run(Path corpus, LoadSpec spec, int partitions, int rounds, Path workDir, Map<String, String> ingestOptions,
                    PrintStream out) throws Exception {
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        out.printf("generating %,d records (%d files x %,d) from %s … (load %s)%n", spec.records(), spec.files(),
                spec.recordsPerFile(), corpus, StackProcesses.loadAverage());
        Expected expected = new LoadGenerator(Corpus.read(corpus), spec).writeAll(workDir.resolve("load"));
        List<Path> files;
        try (Stream<Path> listed = Files.list(workDir.resolve("load/files"))) {
            files = listed.sorted().toList();
        }
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        out.printf("generated %d files, %.1f MB, %,d records%n", files.size(), bytes / 1e6, expected.records());

        Path bucket = workDir.resolve("bucket");
        Files.createDirectories(bucket);
        int port = StackSettings.freePort();
        Map<String, String> config = new java.util.HashMap<>(Map.of("ingest.bucket.path", bucket.toString(),
                "topics.partitions", Integer.toString(partitions)));
        config.putAll(ingestOptions);
        try (KafkaBroker kafka = KafkaBroker.start(workDir.resolve("kafka"));
             PrintStream log = new PrintStream(Files.newOutputStream(workDir.resolve("ingest.log")), true, StandardCharsets.UTF_8)) {
            TopicProvisioner.ensure(KafkaConnection.to(kafka.bootstrapServers()), Topics.ALL, partitions);
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            ServiceProcess ingest = new ServiceProcess("ingest",
                    StackSettings.findProjectRoot().resolve("ingest-service/target/quarkus-app/quarkus-run.jar"), port, config, log);
            try (ingest; KafkaOffsets offsets = new KafkaOffsets(kafka.bootstrapServers())) {
                Runtime.getRuntime().addShutdownHook(new Thread(ingest::close, "ingest-bench-stop")); // Ctrl-C stops the child
                // Created up front: topics created later, on the loaded broker, twice never came online (load 20+).
                RawProducerLimit.createTopic(offsets, RAW_LIMIT_TOPIC);
                ingest.start(Duration.ofSeconds(120));
                long pid = StackProcesses.service("ingest").orElseThrow().pid();
                out.printf("ingest-service ready (pid %d, settings %s), Kafka in this JVM (load %s)%n", pid, ingestOptions,
                        StackProcesses.loadAverage());
                Path rawFile = workDir.resolve("raw-records.bin");
                List<double[]> results = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    String loadBefore = StackProcesses.loadAverage();
                    double cpuBefore = StackProcesses.cpuSeconds(pid);
                    double brokerCpuBefore = StackProcesses.cpuSeconds(ProcessHandle.current().pid());
                    double ingestSeconds = ingestRound(files, bucket.resolve("r" + round), "r" + round + "/", expected.records(),
                            ingest.url(), out);
                    double cpu = StackProcesses.cpuSeconds(pid) - cpuBefore;
                    double brokerCpu = StackProcesses.cpuSeconds(ProcessHandle.current().pid()) - brokerCpuBefore;
                    out.printf("round %d  ingest        %,d records in %6.2f s = %,8.0f records/s; CPU: ingest JVM %.0f µs/record, broker JVM %.0f µs/record (load before %s, after %s)%n",
                            round, expected.records(), ingestSeconds, expected.records() / ingestSeconds,
                            1e6 * cpu / expected.records(), 1e6 * brokerCpu / expected.records(), loadBefore, StackProcesses.loadAverage());
                    if (round == 1) {
                        long exported = RawProducerLimit.export(kafka.bootstrapServers(), rawFile);
                        if (exported != expected.records()) {
                            throw new IllegalStateException("abstracts.raw holds " + exported + " committed records, expected "
                                    + expected.records());
                        }
                    }
                    loadBefore = StackProcesses.loadAverage();
                    double brokerBefore = StackProcesses.cpuSeconds(ProcessHandle.current().pid());
                    // One topic for every round (appended to): see above.
                    RawProducerLimit.Result raw = RawProducerLimit.measure(kafka.bootstrapServers(), RAW_LIMIT_TOPIC, rawFile);
                    double rawCpu = StackProcesses.cpuSeconds(ProcessHandle.current().pid()) - brokerBefore;
                    double rawRate = raw.records() / raw.seconds();
                    out.printf("round %d  raw producer  %,d records in %6.2f s = %,8.0f records/s (%.1f MB); CPU: producer and broker (one JVM) %.0f µs/record (load before %s, after %s)%n",
                            round, raw.records(), raw.seconds(), rawRate, raw.bytes() / 1e6, 1e6 * rawCpu / raw.records(),
                            loadBefore, StackProcesses.loadAverage());
                    double ratio = expected.records() / ingestSeconds / rawRate;
                    out.printf("round %d  ingest / raw producer = %.1f %%%n", round, 100 * ratio);
                    results.add(new double[] {expected.records() / ingestSeconds, rawRate, ratio});
                }
                out.println("summary (rounds after the first, which warms the JIT):");
                List<double[]> warm = results.size() > 1 ? results.subList(1, results.size()) : results;
                out.printf("  ingest %,.0f records/s, raw producer %,.0f records/s, ingest / raw producer %.1f %% (median of ratios %.1f %%)%n",
                        warm.stream().mapToDouble(r -> r[0]).average().orElse(0),
                        warm.stream().mapToDouble(r -> r[1]).average().orElse(0),
                        100 * warm.stream().mapToDouble(r -> r[0]).average().orElse(0)
                                / warm.stream().mapToDouble(r -> r[1]).average().orElse(1),
                        100 * warm.stream().mapToDouble(r -> r[2]).sorted().toArray()[warm.size() / 2]);
                Files.deleteIfExists(rawFile);
            }
        }
    }

    /** Links every file under {@code folder} at once; returns seconds from the drop to the last file's DONE entry. */
    private static double ingestRound(List<Path> files, Path folder, String keyPrefix, long records, String ingestUrl,
                                      PrintStream out) throws Exception {
        Path staging = folder.resolveSibling("." + folder.getFileName()); // hidden: ignored until renamed into place
        Files.createDirectories(staging);
        for (Path file : files) {
            Files.createLink(staging.resolve(file.getFileName()), file);
        }
        Instant dropped = Instant.now();
        Files.move(staging, folder); // the whole round appears at once
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            JsonNode results = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/files")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("results");
            int done = 0;
            long committed = 0;
            Instant last = dropped;
            for (JsonNode entry : results) {
                if (entry.path("key").asText().startsWith(keyPrefix)) {
                    String status = entry.path("status").asText();
                    if (status.equals("FAILED")) {
                        throw new IllegalStateException(entry.path("key").asText() + " FAILED: " + entry.path("failureReason"));
                    }
                    if (!status.equals("DONE")) {
                        continue; // IN_PROGRESS: a chunk of it is committed
                    }
                    done++;
                    committed += entry.path("records").asLong();
                    Instant at = Instant.parse(entry.path("updatedAt").asText());
                    last = at.isAfter(last) ? at : last;
                }
            }
            if (done == files.size()) {
                if (committed != records) {
                    throw new IllegalStateException("the ledger counts " + committed + " records, expected " + records);
                }
                return Duration.between(dropped, last).toNanos() / 1e9;
            }
        }
        throw new IllegalStateException("ingest did not finish the round within 30 minutes");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
