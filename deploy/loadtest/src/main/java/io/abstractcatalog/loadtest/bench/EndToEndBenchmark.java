package io.abstractcatalog.loadtest.bench;

import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.local.LocalStack;
import io.abstractcatalog.local.StackSettings;
import io.abstractcatalog.loadtest.generate.Corpus;
import io.abstractcatalog.loadtest.generate.Expected;
import io.abstractcatalog.loadtest.generate.LoadGenerator;
import io.abstractcatalog.loadtest.generate.LoadSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The end-to-end benchmark on the local stack (real Kafka, real PostgreSQL, the three service JVMs):
 * <ol>
 *   <li>generates the files ({@link LoadGenerator}) and starts the stack on an empty bucket;</li>
 *   <li>drops all files at once and waits until the catalog's /stats reports every record and the expected works
 *       (or until nothing moves any more, and then reports the difference);</li>
 *   <li>measures the two limits on the same rows and machine: PostgreSQL COPY of the catalog's final rows into a
 *       fresh database of the same schema ({@link CopyLimit}), and a raw Kafka producer of the same raw records
 *       ({@link RawProducerLimit});</li>
 *   <li>offers a steady trickle of small probe files and measures drop-to-queryable latency ({@link DropLatency});</li>
 *   <li>reads each service's peak RSS (VmHWM).</li>
 * </ol>
 */
public final class EndToEndBenchmark {

    /** What to run. {@code probeFiles} 0 skips the latency phase; {@code limits} false skips the two limits. */
    public record Settings(Path corpus, LoadSpec spec, Path workDir, int partitions, int probeFiles,
                           int probeRecords, Duration probeInterval, boolean limits, Duration timeout) {
    }

    public record Report(Expected expected, CatalogApi.Stats catalog, IngestLedger.Totals ledger, boolean complete,
                         double endToEndSeconds, Progress.StageRate ingest, Progress.StageRate dedup,
                         Progress.StageRate workEvents, Progress.StageRate catalogEvents, CopyLimit.Result copy,
                         RawProducerLimit.Result rawProducer, CatalogReplay.Result catalogAlone, DropLatency.Result latency,
                         Map<String, Long> peakRssBytes, String loadAtStart, String loadAtEnd, double stackStartSeconds) {

        public double endToEndRecordsPerSecond() {
            return catalog.records() / endToEndSeconds;
        }

        public boolean matchesExpected() {
            return catalog.works() == expected.works() && catalog.records() == expected.records();
        }
    }

    private EndToEndBenchmark() {
    }

    public static Report run(Settings settings, PrintStream out) throws Exception {
        String loadAtStart = StackProcesses.loadAverage();
        Path workDir = settings.workDir().toAbsolutePath();
        deleteRecursively(workDir);
        Files.createDirectories(workDir);

        out.printf("generating %,d records (%d files x %,d) from %s …%n", settings.spec().records(), settings.spec().files(),
                settings.spec().recordsPerFile(), settings.corpus());
        long generating = System.nanoTime();
        LoadGenerator generator = new LoadGenerator(Corpus.read(settings.corpus()), settings.spec());
        Expected expected = generator.writeAll(workDir.resolve("load"));
        out.printf("generated in %.1f s: %,d originals + %,d exact + %,d near copies -> expected works %,d (load %s)%n",
                (System.nanoTime() - generating) / 1e9, expected.originals(), expected.exactCopies(), expected.nearCopies(),
                expected.works(), StackProcesses.loadAverage());

        StackSettings stackSettings = new StackSettings(StackSettings.findProjectRoot(), workDir.resolve("bucket"),
                workDir.resolve("stack"), StackSettings.freePort(), StackSettings.freePort(), StackSettings.freePort(),
                settings.partitions(), false);
        Path stackLog = workDir.resolve("stack.log");
        out.println("starting the local stack (service output in " + stackLog + ") …");
        long starting = System.nanoTime();
        try (PrintStream log = new PrintStream(Files.newOutputStream(stackLog), true, StandardCharsets.UTF_8);
             LocalStack stack = LocalStack.start(stackSettings, log);
             KafkaOffsets offsets = new KafkaOffsets(stack.kafkaBootstrapServers())) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stop-stack")); // Ctrl-C stops the children too
            double stackStartSeconds = (System.nanoTime() - starting) / 1e9;
            out.printf("stack ready in %.1f s (load %s)%n", stackStartSeconds, StackProcesses.loadAverage());
            CatalogApi catalog = new CatalogApi(stack.catalog().url());
            IngestLedger ledger = new IngestLedger(stack.ingest().url());

            // ---- bulk: every file at once
            List<Path> files = list(workDir.resolve("load/files"));
            long dropped = System.nanoTime();
            for (Path file : files) { // a hard link appears whole, like a rename, and keeps the generated set
                Path target = stackSettings.bucket().resolve(file.getFileName());
                try {
                    Files.createLink(target, file);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(file, target);
                }
            }
            out.printf("dropped %d files at %s (load %s)%n", files.size(), java.time.Instant.now(), StackProcesses.loadAverage());
            Progress progress = new Progress(offsets, dropped);
            Completion completion = awaitCompletion(expected, catalog, ledger, offsets, progress, dropped, settings.timeout(), out);
            progress.close();
            List<Progress.Sample> samples = progress.samples();
            Progress.StageRate ingestRate = Progress.rate(samples, Progress.Sample::ingested);
            Progress.StageRate dedupRate = Progress.rate(samples, Progress.Sample::deduplicated);
            Progress.StageRate worksRate = Progress.rate(samples, Progress.Sample::workEvents);
            Progress.StageRate catalogRate = Progress.rate(samples, Progress.Sample::cataloged);

            // ---- the two limits, on the rows and records of the bulk run
            CopyLimit.Result copy = null;
            RawProducerLimit.Result raw = null;
            CatalogReplay.Result catalogAlone = null;
            if (settings.limits()) {
                String jdbcUrl = StackProcesses.service("catalog")
                        .flatMap(p -> StackProcesses.systemProperty(p, "quarkus.datasource.jdbc.url"))
                        .orElseThrow(() -> new IllegalStateException("cannot find the catalog's JDBC URL on its command line"));
                out.printf("COPY limit: exporting the catalog's rows, loading them into a fresh database … (load %s)%n", StackProcesses.loadAverage());
                copy = CopyLimit.measure(jdbcUrl, stackSettings.projectRoot().resolve("catalog-service/src/main/resources/db/migration"),
                        workDir.resolve("copy"));
                out.printf("  %,d rows (%s) loaded in %.2f s (%s) (load %s)%n", copy.rows(), copy.rowsPerTable(), copy.seconds(),
                        String.join(", ", copy.secondsPerTable().entrySet().stream()
                                .map(e -> String.format("%s %.2f s", e.getKey(), e.getValue())).toList()),
                        StackProcesses.loadAverage());
                Path rawFile = workDir.resolve("raw-records.bin");
                long exported = RawProducerLimit.export(stack.kafkaBootstrapServers(), rawFile);
                out.printf("raw producer limit: %,d raw records exported; producing them to a fresh topic … (load %s)%n",
                        exported, StackProcesses.loadAverage());
                raw = RawProducerLimit.measure(stack.kafkaBootstrapServers(), offsets, rawFile);
                Files.deleteIfExists(rawFile);
                out.printf("  %,d records (%.1f MB) in %.2f s (load %s)%n", raw.records(), raw.bytes() / 1e6, raw.seconds(),
                        StackProcesses.loadAverage());
                out.printf("catalog alone: a second catalog-service JVM replays the works topic into a fresh database … (load %s)%n",
                        StackProcesses.loadAverage());
                catalogAlone = CatalogReplay.measure(stackSettings, stack.kafkaBootstrapServers(), jdbcUrl, offsets, log,
                        settings.timeout());
                out.printf("  %,d events in %.2f s after it was ready (load %s)%n", catalogAlone.events(), catalogAlone.seconds(),
                        StackProcesses.loadAverage());
            }

            // ---- latency at a steady offered load
            DropLatency.Result latency = null;
            if (settings.probeFiles() > 0) {
                out.printf("latency: %d probe files of %d records, one every %d ms (load %s) …%n", settings.probeFiles(),
                        settings.probeRecords(), settings.probeInterval().toMillis(), StackProcesses.loadAverage());
                latency = DropLatency.measure(generator, workDir.resolve("probe-staging"), stackSettings.bucket(), catalog,
                        settings.probeFiles(), settings.probeRecords(), settings.probeInterval(), Duration.ofMinutes(3));
            }

            Map<String, Long> rss = new LinkedHashMap<>();
            for (String service : List.of("ingest", "dedup", "catalog")) {
                rss.put(service, StackProcesses.service(service).map(p -> StackProcesses.peakRss(p.pid())).orElse(-1L));
            }
            rss.put("postgres (largest process)", StackProcesses.postgres(stackSettings.dataDir().resolve("postgres/data")).stream()
                    .mapToLong(p -> StackProcesses.peakRss(p.pid())).max().orElse(-1));
            rss.put("this JVM (Kafka broker, generator, probes)", StackProcesses.peakRss(ProcessHandle.current().pid()));

            return new Report(expected, completion.stats, completion.ledger, completion.complete, completion.seconds,
                    ingestRate, dedupRate, worksRate, catalogRate, copy, raw, catalogAlone, latency, rss, loadAtStart,
                    StackProcesses.loadAverage(), stackStartSeconds);
        }
    }

    private record Completion(CatalogApi.Stats stats, IngestLedger.Totals ledger, boolean complete, double seconds) {
    }

    /**
     * Done when /stats shows every record and the expected works. Also done, but not complete, when every file is
     * in the ledger, both consumer groups have no lag and /stats has not changed for 15 s: the pipeline is idle
     * with a different result, which is reported as it is.
     */
    private static Completion awaitCompletion(Expected expected, CatalogApi catalog, IngestLedger ledger, KafkaOffsets offsets,
                                              Progress progress, long dropped, Duration timeout, PrintStream out)
            throws InterruptedException {
        long lastPrint = 0;
        CatalogApi.Stats last = null;
        long unchangedSince = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            double seconds = (now - dropped) / 1e9;
            Progress.Sample sample = progress.latest();
            boolean idle = false;
            long dedupLag = -1;
            long catalogLag = -1;
            try {
                dedupLag = offsets.lag(KafkaOffsets.DEDUP_GROUP, List.of(Topics.RAW));
                catalogLag = offsets.lag(KafkaOffsets.CATALOG_GROUP, List.of(Topics.WORKS));
                idle = dedupLag == 0 && catalogLag == 0 && sample.ingested() >= expected.records();
            } catch (RuntimeException e) {
                // an admin call timed out on a loaded machine: ask again
            }
            // /stats counts whole tables: asked often only near the end, every 10 s before
            if (idle || now - lastPrint > 10e9) {
                CatalogApi.Stats stats;
                try {
                    stats = catalog.stats();
                } catch (RuntimeException e) { // a slow answer on a loaded machine: ask again
                    out.println("  /stats failed: " + e.getMessage());
                    Thread.sleep(1000);
                    continue;
                }
                double at = (System.nanoTime() - dropped) / 1e9;
                if (stats.records() == expected.records() && stats.works() == expected.works()) {
                    out.printf("  %7.1f s  catalog has all %,d records as %,d works%n", at, stats.records(), stats.works());
                    return new Completion(stats, ledger.totals(), true, at);
                }
                if (!stats.equals(last)) {
                    last = stats;
                    unchangedSince = System.nanoTime();
                }
                IngestLedger.Totals totals = idle ? ledger.totals() : null;
                if (idle && totals.done() + totals.failed() >= expected.files() && System.nanoTime() - unchangedSince > 15e9) {
                    out.printf("  %7.1f s  idle, but the catalog has %,d records as %,d works (expected %,d as %,d)%n", at,
                            stats.records(), stats.works(), expected.records(), expected.works());
                    return new Completion(stats, totals, false, (unchangedSince - dropped) / 1e9);
                }
                if (now - lastPrint > 10e9) {
                    lastPrint = now;
                    out.printf("  %7.1f s  raw %,9d | dedup consumed %,9d, lag %,8d | work events %,9d | catalog applied %,9d, lag %,7d"
                                    + " | /stats records %,9d works %,9d | load %s%n",
                            at, sample.ingested(), sample.deduplicated(), dedupLag, sample.workEvents(), sample.cataloged(),
                            catalogLag, stats.records(), stats.works(), StackProcesses.loadAverage());
                }
            }
            if (seconds > timeout.toSeconds()) {
                CatalogApi.Stats stats = catalog.stats();
                out.printf("  timed out after %.0f s: the catalog has %,d records as %,d works%n", seconds, stats.records(), stats.works());
                return new Completion(stats, ledger.totals(), false, seconds);
            }
            Thread.sleep(idle ? 200 : 1000);
        }
    }

    /** The figures, as the README quotes them. */
    public static void print(Report r, PrintStream out) {
        Expected e = r.expected();
        out.println();
        out.println("==== end-to-end benchmark ====");
        out.printf("input          %,d records in %d files %s; %,d exact + %,d near copies; expected works %,d%n",
                e.records(), e.files(), e.filesPerFormat(), e.exactCopies(), e.nearCopies(), e.works());
        out.printf("catalog        %,d records as %,d works (%,d with duplicates, %,d redirects) -> %s%n",
                r.catalog().records(), r.catalog().works(), r.catalog().worksWithDuplicates(), r.catalog().redirects(),
                r.matchesExpected() ? "as expected" : String.format("DIFFERS: works %+,d, records %+,d (%s)",
                        r.catalog().works() - e.works(), r.catalog().records() - e.records(),
                        r.catalog().works() > e.works() ? "dedup split some expected works, or records are missing"
                                : "dedup merged some distinct works"));
        out.printf("ingest ledger  %d files DONE, %d FAILED, %,d records, %,d rejections%n", r.ledger().done(),
                r.ledger().failed(), r.ledger().records(), r.ledger().rejections());
        out.printf("end to end     %.1f s from the drop to all queryable = %,.0f records/s%s%n", r.endToEndSeconds(),
                r.endToEndRecordsPerSecond(), r.complete() ? "" : " (NOT complete: see above)");
        out.println("stages         (done at = seconds after the drop when the stage had its last record; average = count / done at)");
        stage(out, "ingest", "records written to abstracts.raw", r.ingest());
        stage(out, "dedup", "raw records consumed (group dedup-service)", r.dedup());
        stage(out, "dedup out", "work events written to works", r.workEvents());
        stage(out, "catalog", "work events applied (group catalog-service)", r.catalogEvents());
        out.printf("               time added by each stage: ingest %.1f s after the drop, dedup %+.1f s, catalog %+.1f s -> slowest: %s%n",
                r.ingest().doneAtSeconds(), r.workEvents().doneAtSeconds() - r.ingest().doneAtSeconds(),
                r.catalogEvents().doneAtSeconds() - r.workEvents().doneAtSeconds(), slowest(r));
        if (r.copy() != null) {
            double copyRate = r.copy().records() / r.copy().seconds();
            out.printf("COPY limit     %,d rows (%,d records) into a fresh migrated database in %.2f s = %,.0f records/s (%,.0f rows/s)%n",
                    r.copy().rows(), r.copy().records(), r.copy().seconds(), copyRate, r.copy().rows() / r.copy().seconds());
            out.printf("               end to end / COPY limit = %.1f %% (target >= 50 %%)%n", 100 * r.endToEndRecordsPerSecond() / copyRate);
        }
        if (r.rawProducer() != null) {
            double rawRate = r.rawProducer().records() / r.rawProducer().seconds();
            out.printf("raw producer   %,d records (%.1f MB) in %.2f s = %,.0f records/s%n", r.rawProducer().records(),
                    r.rawProducer().bytes() / 1e6, r.rawProducer().seconds(), rawRate);
            out.printf("               end to end / raw producer = %.1f %%; ingest average / raw producer = %.1f %%%n",
                    100 * r.endToEndRecordsPerSecond() / rawRate, 100 * r.ingest().averagePerSecond() / rawRate);
        }
        if (r.catalogAlone() != null) {
            CatalogReplay.Result c = r.catalogAlone();
            out.printf("catalog alone  %,d work events (~%,d records) applied in %.2f s = %,.0f events/s (~%,.0f records/s), replayed"
                            + " by a second catalog JVM into a fresh database while ingest and dedup were idle%n",
                    c.events(), c.records(), c.seconds(), c.events() / c.seconds(), c.records() / c.seconds());
        }
        if (r.latency() != null) {
            DropLatency.Result l = r.latency();
            out.printf("latency        %d files x %d records, one every %d ms (%.0f records/s offered): drop-to-queryable p50 %.2f s, p99 %.2f s, max %.2f s%s%n",
                    l.files(), l.recordsPerFile(), l.interval().toMillis(), l.offeredRecordsPerSecond(), l.percentile(0.5),
                    l.percentile(0.99), l.percentile(1.0), l.notQueryable() > 0 ? " (" + l.notQueryable() + " never queryable)" : "");
        }
        out.print("peak RSS       ");
        out.println(String.join(", ", r.peakRssBytes().entrySet().stream()
                .map(x -> String.format("%s %,d MiB", x.getKey(), x.getValue() >> 20)).toList()));
        out.printf("load average   %s at start, %s at end (2 cores); stack start %.1f s%n", r.loadAtStart(), r.loadAtEnd(),
                r.stackStartSeconds());
    }

    private static String slowest(Report r) {
        double ingest = r.ingest().doneAtSeconds();
        double dedup = r.workEvents().doneAtSeconds() - ingest;
        double catalog = r.catalogEvents().doneAtSeconds() - r.workEvents().doneAtSeconds();
        return ingest >= dedup && ingest >= catalog ? "ingest" : dedup >= catalog ? "dedup" : "catalog";
    }

    private static void stage(PrintStream out, String name, String what, Progress.StageRate rate) {
        out.printf("  %-10s %,10d %-46s done at %7.1f s, average %,7.0f /s, busiest 10 s %,7.0f /s%n", name, rate.count(),
                what, rate.doneAtSeconds(), rate.averagePerSecond(), rate.busiest10sPerSecond());
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
