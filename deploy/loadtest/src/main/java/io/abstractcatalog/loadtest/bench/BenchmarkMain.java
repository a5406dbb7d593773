package io.abstractcatalog.loadtest.bench;

import io.abstractcatalog.loadtest.Options;
import io.abstractcatalog.loadtest.generate.LoadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** {@code deploy/loadtest/bench.sh}: the end-to-end benchmark, see {@link EndToEndBenchmark}. */
public final class BenchmarkMain {

    static final String USAGE = """
            usage: bench.sh --corpus=CSV [--records=10000] [--per-file=1000] [--exact=0.05] [--near=0.10] [--seed=42]
                            [--partitions=3] [--probe-files=40] [--probe-records=20] [--probe-interval=1000ms]
                            [--limits=true] [--timeout=2h] [--dir=deploy/loadtest/target/bench]
              --corpus          CSV of real abstracts, e.g. ../shared/eval/arxiv-oai-sample/arxiv_data.csv
              --records         records in the bulk drop, in files of --per-file records (formats take turns:
                                JSON Lines, CSV, affiliation page); --exact / --near: shares of copies
              --partitions      partitions of the data topics
              --probe-*         latency phase: that many files of that many new works, one per interval (0 files: skip)
              --limits          false skips the PostgreSQL COPY and raw Kafka producer limits and the catalog replay
              --dir             work folder (deleted first): generated files, bucket, Kafka/PostgreSQL data, stack.log
            """;

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Set.of("corpus", "records", "per-file", "exact", "near", "seed", "partitions",
                "probe-files", "probe-records", "probe-interval", "limits", "timeout", "dir"), USAGE);
        if (!options.has("corpus")) {
            System.err.println("--corpus is required\n" + USAGE);
            System.exit(2);
        }
        LoadSpec spec = LoadSpec.of(options.count("records", 10_000), options.count("per-file", 1_000),
                options.decimal("exact", LoadSpec.DEFAULT_EXACT_SHARE), options.decimal("near", LoadSpec.DEFAULT_NEAR_SHARE),
                Long.parseLong(options.string("seed", Long.toString(LoadSpec.DEFAULT_SEED))));
        EndToEndBenchmark.Settings settings = new EndToEndBenchmark.Settings(Path.of(options.string("corpus", "")), spec,
                Path.of(options.string("dir", Options.defaultWorkDir("bench").toString())), options.count("partitions", 3),
                options.count("probe-files", 40), options.count("probe-records", 20),
                options.duration("probe-interval", Duration.ofMillis(1000)),
                Boolean.parseBoolean(options.string("limits", "true")), options.duration("timeout", Duration.ofHours(2)));
        EndToEndBenchmark.Report report = EndToEndBenchmark.run(settings, System.out);
        EndToEndBenchmark.print(report, System.out);
        System.exit(report.complete() ? 0 : 1); // the broker's non-daemon threads
    }
}
