package io.abstractcatalog.dedup.bench;

import io.abstractcatalog.contract.JsonSerde;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.SourceRef;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.dedup.topology.DedupTopology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Throughput of the whole topology (normalize → block → match → cluster → merge), in one thread through {@link TopologyTestDriver} (no broker: this measures our processing and state, not Kafka's
 * network). Input: synthetic 120-word abstracts over a 20,000-word vocabulary, 10% of them near-duplicates of an
 * earlier record. Prints, at each checkpoint, the rate of the last segment (flat = cost per record does not grow
 * with the state), the store entry counts and the state size on disk.
 *
 * <pre>java -Xmx12g -cp "$(cat dedup-service/target/classpath.txt):dedup-service/target/classes:dedup-service/target/test-classes" \
 *     io.abstractcatalog.dedup.bench.ThroughputBenchmark 1000000 [state dir] [rocksdb]</pre>
 * The last column is the live heap after a GC (in-memory stores) or the state directory's size (rocksdb).
 */
public final class ThroughputBenchmark {

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path stateDir = Path.of(args.length > 1 ? args[1] : "target/bench-state");
        delete(stateDir);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-bench");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Random random = new Random(1);
        String[] vocabulary = new String[20_000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = word(random);
        }
        List<String> recent = new ArrayList<>();
        long[] checkpoints = {10_000, 100_000, 1_000_000, 10_000_000};
        // The driver commits — and so flushes every RocksDB store — after each input record, which no real task does
        // (commit.interval.ms=100): with RocksDB it measures fsyncs (~100 records/s). Default: in-memory stores (the
        // same processors and serdes, still changelogged); "rocksdb" as third argument to see that artifact.
        boolean rocksdb = args.length > 2 && args[2].equals("rocksdb");
        var topology = rocksdb ? DedupTopology.build()
                : DedupTopology.build(io.abstractcatalog.dedup.match.MatchConfig.DEFAULTS, org.apache.kafka.streams.state.Stores::inMemoryKeyValueStore);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, config)) {
            TestInputTopic<String, RawRecord> raw = driver.createInputTopic(Topics.RAW, new StringSerializer(), JsonSerde.of(RawRecord.class));
            TestOutputTopic<String, WorkEvent> works = driver.createOutputTopic(Topics.WORKS, new StringDeserializer(), JsonSerde.of(WorkEvent.class));
            long segmentStart = System.nanoTime();
            long start = segmentStart;
            long segmentFrom = 0;
            long events = 0;
            long redirects = 0;
            System.out.printf("%10s %12s %12s %10s %10s %10s %10s %12s%n", "records", "segment r/s", "overall r/s",
                    "works", "nodes", "blocks", "redirects", "heap MB");
            for (int n = 1; n <= total; n++) {
                String text;
                if (!recent.isEmpty() && random.nextInt(10) == 0) {
                    text = nearDuplicate(recent.get(random.nextInt(recent.size())), random, vocabulary);
                } else {
                    StringBuilder b = new StringBuilder();
                    for (int w = 0; w < 120; w++) {
                        b.append(vocabulary[(int) Math.min(vocabulary.length - 1, Math.abs(random.nextGaussian()) * 4000)]).append(w % 15 == 14 ? ". " : " ");
                    }
                    text = b.toString();
                }
                if (recent.size() < 1000) {
                    recent.add(text);
                } else {
                    recent.set(random.nextInt(recent.size()), text);
                }
                String id = String.format("r-%012d", n);
                raw.pipeInput(id, new RawRecord(null, id, new SourceRef("bench", "f", "h", "bench", n, n, null),
                        Instant.EPOCH, null, text, List.of(), List.of(), null, null, null, null));
                if (n % 1000 == 0) {
                    for (WorkEvent e : works.readValuesToList()) {
                        events++;
                        if (e.type() == WorkEvent.Type.REDIRECTED) {
                            redirects++;
                        }
                    }
                }
                final long current = n;
                if (java.util.Arrays.stream(checkpoints).anyMatch(c -> c == current) || n == total) {
                    long now = System.nanoTime();
                    System.out.printf("%10d %12.0f %12.0f %10d %10d %10d %10d %12.1f%n", n,
                            (n - segmentFrom) / ((now - segmentStart) / 1e9), n / ((now - start) / 1e9),
                            count(driver, DedupTopology.WORK_STORE), count(driver, DedupTopology.NODE_STORE),
                            count(driver, DedupTopology.BLOCK_STORE), redirects, rocksdb ? size(stateDir) / 1e6 : heapMb());
                    segmentStart = System.nanoTime();
                    segmentFrom = n;
                }
            }
            System.out.printf("work events published: %d%n", events);
        }
    }

    private static double heapMb() {
        Runtime runtime = Runtime.getRuntime();
        runtime.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
    }

    private static long count(TopologyTestDriver driver, String store) {
        KeyValueStore<String, Object> kv = driver.getKeyValueStore(store);
        return kv.approximateNumEntries();
    }

    private static String nearDuplicate(String text, Random random, String[] vocabulary) {
        String[] words = text.split(" ");
        for (int i = 0; i < 4; i++) {
            words[random.nextInt(words.length)] = vocabulary[random.nextInt(vocabulary.length)];
        }
        return String.join(" ", words);
    }

    private static String word(Random random) {
        int length = 3 + random.nextInt(8);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static long size(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1; // RocksDB deleted a file while we walked: report unknown rather than fail the run
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
