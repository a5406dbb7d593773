package io.abstractcatalog.dedup.bench;

import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.dedup.eval.Datasets;
import io.abstractcatalog.dedup.eval.LabelledSet;
import io.abstractcatalog.dedup.match.MatchConfig;
import io.abstractcatalog.dedup.match.RecordFeatures;
import io.abstractcatalog.dedup.normalize.NormalizedRecord;
import io.abstractcatalog.dedup.topology.DedupTopology;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedup topology's cost per record without a broker: the arXiv sample and its generated near-duplicates
 * ({@link Datasets#arxivSynthetic}, 3,599 records) piped through {@link DedupTopology} in a {@link TopologyTestDriver}
 * (in-memory stores, one thread: all four steps, JSON serdes and repartitions included; no broker, no RocksDB, no
 * transactions). Prints records/s and the driver thread's CPU per record for each timed run after warm-up runs, and
 * the blocking keys per record. For before/after comparisons of matching changes on the same machine; the broker
 * benchmark ({@link ThroughputBenchmark}) measures the service.
 *
 * <pre>java -cp "$(cat target/classpath.txt):target/classes:target/test-classes" \
 *     io.abstractcatalog.dedup.bench.TopologyCost /path/to/arxiv-oai-sample/arxiv_data.csv [runs=5] [warmups=3]</pre>
 * Not a test: nothing in {@code mvn verify} runs it.
 */
public final class TopologyCost {

    private TopologyCost() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TopologyCost <arxiv_data.csv> [runs] [warmups]");
            System.exit(2);
        }
        // as in ThroughputBenchmark: outside Quarkus nothing configures JBoss LogManager and every logger is at TRACE
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.WARNING);
        LabelledSet set = Datasets.arxivSynthetic(Path.of(args[0]), 42);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<RawRecord> records = set.records();
        long keys = records.stream().mapToLong(r -> RecordFeatures.of(NormalizedRecord.of(r), MatchConfig.DEFAULTS).keys().size()).sum();
        System.out.printf("%d records, %.2f blocking keys per record%n", records.size(), (double) keys / records.size());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> cpuPerRecord = new ArrayList<>();
        for (int run = 0; run < warmups + runs; run++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            int events = pipe(records);
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            wall = System.nanoTime() - wall;
            boolean timed = run >= warmups;
            if (timed) {
                cpuPerRecord.add(cpu / 1e6 / records.size());
            }
            System.out.printf("%s run %d: %.0f records/s, %.3f ms CPU per record, %d work events%n",
                    timed ? "timed " : "warm-up", run, records.size() / (wall / 1e9), cpu / 1e6 / records.size(), events);
        }
        cpuPerRecord.sort(null);
        System.out.printf("median CPU per record: %.3f ms (%d timed runs)%n", cpuPerRecord.get(cpuPerRecord.size() / 2), runs);
    }

    private static int pipe(List<RawRecord> records) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-cost");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(
                DedupTopology.build(MatchConfig.DEFAULTS, Stores::inMemoryKeyValueStore, 4), config)) {
            TestInputTopic<String, RawRecord> raw = driver.createInputTopic(Topics.RAW.name(),
                    Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
            TestOutputTopic<String, WorkEvent> works = driver.createOutputTopic(Topics.WORKS.name(),
                    Topics.WORKS.keySerde().deserializer(), Topics.WORKS.valueSerde().deserializer());
            records.forEach(r -> raw.pipeInput(r.recordId(), r));
            return works.readValuesToList().size();
        }
    }
}
