package io.abstractcatalog.loadtest.soak;

import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.local.LocalStack;
import io.abstractcatalog.local.StackSettings;
import io.abstractcatalog.loadtest.Options;
import io.abstractcatalog.loadtest.bench.CatalogApi;
import io.abstractcatalog.loadtest.bench.KafkaOffsets;
import io.abstractcatalog.loadtest.bench.StackProcesses;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code deploy/loadtest/soak.sh}: a steady offered load for a set time on the local stack — one generated file of
 * {@code --per-file} records every {@code per-file / rate} seconds — while the consumer lag of dedup (its group over
 * {@code abstracts.raw} and its repartition topics) and of the catalog (over {@code works}) is sampled. Prints a
 * table and a verdict: BOUNDED when, in the last third of the load, each lag (dedup's input, dedup's repartition
 * topics in records' worth, the catalog's) stays at or under {@code --max-lag} and its least-squares trend grows by
 * less than 2 % of the offered rate; otherwise GROWING.
 */
public final class SoakMain {

    static final String USAGE = """
            usage: soak.sh --corpus=CSV [--rate=200] [--per-file=100] [--duration=5m] [--sample=5s] [--max-lag=N]
                           [--partitions=3] [--dir=deploy/loadtest/target/soak]
              --rate       offered records per second (one file of --per-file records every per-file/rate seconds)
              --duration   how long the load is offered; afterwards the run waits (up to --duration again) for lag 0
              --sample     how often lag is sampled
              --max-lag    bound for the verdict, in records, for each lag (default: 30 s of offered records)
            """;

    /**
     * One sample. Dedup's lag is in two parts: raw records it has not taken yet ({@code dedupInputLag}), and messages
     * on its repartition topics not processed yet ({@code dedupInternalLag}: ~35 block messages and a few cluster
     * messages per record), which {@code internalPerRecord} (repartition messages written per raw record so far)
     * turns into records' worth, so every lag is judged in records.
     */
    record Sample(double seconds, int filesDropped, long rawEnd, long dedupInputLag, long dedupInternalLag,
                  double internalPerRecord, long catalogLag, String load) {

        long dedupInternalRecords() {
            return internalPerRecord <= 0 ? 0 : Math.round(dedupInternalLag / internalPerRecord);
        }

        boolean drained() {
            return dedupInputLag == 0 && dedupInternalLag == 0 && catalogLag == 0;
        }
    }

    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Set.of("corpus", "rate", "per-file", "duration", "sample", "max-lag",
                "partitions", "dir", "seed"), USAGE);
        if (!options.has("corpus")) {
            System.err.println("--corpus is required\n" + USAGE);
            System.exit(2);
        }
        double rate = options.decimal("rate", 200);
        int perFile = options.count("per-file", 100);
        Duration duration = options.duration("duration", Duration.ofMinutes(5));
        Duration every = options.duration("sample", Duration.ofSeconds(5));
        long maxLag = options.count("max-lag", (int) Math.round(rate * 30));
        Path workDir = Path.of(options.string("dir", Options.defaultWorkDir("soak").toString())).toAbsolutePath();
        double interval = perFile / rate;
        int files = (int) Math.ceil(duration.toSeconds() / interval);
        PrintStream out = System.out;

        deleteRecursively(workDir);
        LoadSpec spec = new LoadSpec(files, perFile, LoadSpec.DEFAULT_EXACT_SHARE, LoadSpec.DEFAULT_NEAR_SHARE,
                Long.parseLong(options.string("seed", Long.toString(LoadSpec.DEFAULT_SEED))));
        Expected expected = new LoadGenerator(Corpus.read(Path.of(options.string("corpus", ""))), spec).writeAll(workDir.resolve("load"));
        out.printf("soak: %.0f records/s offered as one file of %d records every %.2f s for %d s (%d files, %,d records, %,d expected works)%n",
                rate, perFile, interval, duration.toSeconds(), files, expected.records(), expected.works());
        List<Path> pending;
        try (Stream<Path> list = Files.list(workDir.resolve("load/files"))) {
            pending = list.sorted().toList();
        }

        StackSettings settings = new StackSettings(StackSettings.findProjectRoot(), workDir.resolve("bucket"),
                workDir.resolve("stack"), StackSettings.freePort(), StackSettings.freePort(), StackSettings.freePort(),
                options.count("partitions", 3), false);
        try (PrintStream log = new PrintStream(Files.newOutputStream(workDir.resolve("stack.log")), true, StandardCharsets.UTF_8);
             LocalStack stack = LocalStack.start(settings, log);
             KafkaOffsets offsets = new KafkaOffsets(stack.kafkaBootstrapServers())) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "soak-stop-stack")); // Ctrl-C stops the children too
            out.printf("stack ready (service output in %s); load %s%n", workDir.resolve("stack.log"), StackProcesses.loadAverage());
            out.printf("%8s %6s %9s %9s %12s %24s %12s  %s%n", "seconds", "files", "offered", "raw", "dedup in lag",
                    "dedup internal lag (~rec)", "catalog lag", "load");
            List<Sample> samples = new ArrayList<>();
            long began = System.nanoTime();
            long nextSample = began;
            int dropped = 0;
            boolean drained = false;
            double drainedAt = Double.NaN;
            long giveUp = began + 2 * duration.toNanos();
            while (System.nanoTime() < giveUp) {
                long now = System.nanoTime();
                while (dropped < pending.size() && now >= began + (long) (dropped * interval * 1e9)) {
                    Path file = pending.get(dropped++);
                    Files.createLink(settings.bucket().resolve(file.getFileName()), file);
                }
                if (now >= nextSample) {
                    nextSample += every.toNanos();
                    Sample sample = sample(offsets, (now - began) / 1e9, dropped);
                    samples.add(sample);
                    out.printf("%8.1f %6d %,9d %,9d %,12d %,14d (%,8d) %,12d  %s%n", sample.seconds, sample.filesDropped,
                            (long) sample.filesDropped * perFile, sample.rawEnd, sample.dedupInputLag, sample.dedupInternalLag,
                            sample.dedupInternalRecords(), sample.catalogLag, sample.load);
                    if (dropped == pending.size() && sample.seconds > duration.toSeconds() && sample.drained()) {
                        drained = true;
                        drainedAt = sample.seconds - duration.toSeconds();
                        break;
                    }
                }
                Thread.sleep(20);
            }
            CatalogApi.Stats stats = new CatalogApi(stack.catalog().url()).stats();
            out.println();
            verdict(out, samples, duration.toSeconds(), rate, maxLag);
            out.printf("after the load: %s; catalog %,d records as %,d works (expected %,d as %,d)%n",
                    drained ? String.format("both lags reached 0 %.0f s after the last drop", drainedAt) : "lag did NOT reach 0",
                    stats.records(), stats.works(), expected.records(), expected.works());
            out.printf("load average at end %s (2 cores)%n", StackProcesses.loadAverage());
        }
        System.exit(0);
    }

    private static Sample sample(KafkaOffsets offsets, double seconds, int dropped) {
        try {
            Map<String, long[]> dedup = offsets.positions(KafkaOffsets.DEDUP_GROUP, List.of(Topics.RAW));
            long[] raw = dedup.getOrDefault(Topics.RAW.name(), new long[2]);
            long internalEnd = 0;
            long internalLag = 0;
            for (Map.Entry<String, long[]> topic : dedup.entrySet()) {
                if (!topic.getKey().equals(Topics.RAW.name())) {
                    internalEnd += topic.getValue()[0];
                    internalLag += topic.getValue()[0] - topic.getValue()[1];
                }
            }
            return new Sample(seconds, dropped, raw[0], raw[0] - raw[1], internalLag,
                    raw[1] == 0 ? 0 : internalEnd / (double) raw[1],
                    offsets.lag(KafkaOffsets.CATALOG_GROUP, List.of(Topics.WORKS)), StackProcesses.loadAverage());
        } catch (RuntimeException e) {
            return new Sample(seconds, dropped, -1, -1, -1, 0, -1, "admin call failed: " + e.getMessage());
        }
    }

    /** Judges each lag, in records, over the last third of the load period. */
    static void verdict(PrintStream out, List<Sample> samples, long durationSeconds, double rate, long maxLag) {
        double from = durationSeconds * 2 / 3.0;
        List<Sample> last = samples.stream().filter(s -> s.seconds >= from && s.seconds <= durationSeconds && s.rawEnd >= 0).toList();
        if (last.size() < 3) {
            out.println("verdict: too few samples in the last third of the load to judge");
            return;
        }
        Map<String, java.util.function.ToDoubleFunction<Sample>> lags = new java.util.LinkedHashMap<>();
        lags.put("dedup input (raw records)", s -> s.dedupInputLag);
        lags.put("dedup internal (~records)", s -> s.dedupInternalRecords());
        lags.put("catalog (work events)", s -> s.catalogLag);
        boolean bounded = true;
        double[] x = last.stream().mapToDouble(Sample::seconds).toArray();
        for (Map.Entry<String, java.util.function.ToDoubleFunction<Sample>> lag : lags.entrySet()) {
            double[] y = last.stream().mapToDouble(lag.getValue()).toArray();
            double slope = slope(x, y);
            double max = java.util.Arrays.stream(y).max().orElse(0);
            boolean ok = max <= maxLag && slope < 0.02 * rate;
            bounded &= ok;
            out.printf("%-27s lag in the last third (%.0f-%d s): max %,.0f (bound %,d), trend %+,.1f /s (bound %+,.1f) -> %s%n",
                    lag.getKey(), from, durationSeconds, max, maxLag, slope, 0.02 * rate, ok ? "bounded" : "NOT bounded");
        }
        out.println("verdict: " + (bounded ? "BOUNDED" : "GROWING") + " at " + Math.round(rate) + " records/s offered");
    }

    static double slope(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            num += (x[i] - mx) * (y[i] - my);
            den += (x[i] - mx) * (x[i] - mx);
        }
        return den == 0 ? 0 : num / den;
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
}
