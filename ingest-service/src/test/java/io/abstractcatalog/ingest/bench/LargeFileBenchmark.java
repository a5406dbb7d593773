package io.abstractcatalog.ingest.bench;

import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.ingest.bucket.HashingInputStream;
import io.abstractcatalog.ingest.bucket.LocalFolderBucket;
import io.abstractcatalog.ingest.bucket.BucketObject;
import io.abstractcatalog.ingest.format.FormatDetector;
import io.abstractcatalog.ingest.format.OpenedFile;
import io.abstractcatalog.ingest.format.ParseRejection;
import io.abstractcatalog.ingest.format.ParsedRecord;
import io.abstractcatalog.ingest.format.ReadLimits;
import io.abstractcatalog.ingest.format.RecordSink;
import io.abstractcatalog.ingest.ledger.FileLedger;
import io.abstractcatalog.ingest.publish.Chunking;
import io.abstractcatalog.ingest.publish.FileIngestor;
import io.abstractcatalog.ingest.publish.IngestOutcome;
import io.abstractcatalog.ingest.publish.TransactionalPublisher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Memory and throughput of ingesting one large file, with the service's own classes. Not a unit test: run it by
 * hand with a small heap (see the module README), e.g.
 * {@code java -Xmx256m -cp ... io.abstractcatalog.ingest.bench.LargeFileBenchmark --size=1g}.
 * <p>
 * Generates a file of the given size ({@code --format=jsonl} or {@code page} for affiliation pages) under
 * {@code --dir}, then measures two figures:
 * <ol>
 *     <li>{@code parse}: detect + parse the whole file into a sink that only counts (the parsing alone);</li>
 *     <li>{@code kafka}: {@link FileIngestor} publishing it in chunked transactions to a real broker, after the
 *     scanner's hashing pass (timed separately). The broker runs in a child JVM ({@link BrokerMain}) unless
 *     {@code --bootstrap=host:port} names one, so only the ingestion's heap is measured.</li>
 * </ol>
 * For each: records/s, MB/s, wall time and peak heap: the largest heap in use seen by a 20 ms sampler, and the sum
 * of the heap pools' peak usages (an upper bound: the pools peak at different moments). Afterwards the file and the
 * broker's data are deleted unless {@code --keep}.
 * <p>
 * Options: {@code --size=1g} (k/m/g), {@code --format=jsonl|page}, {@code --mode=both|parse|kafka},
 * {@code --dir=ingest-service/target/bench}, {@code --chunk-records=50000}, {@code --bootstrap=...}, {@code --keep}.
 */
public final class LargeFileBenchmark {

    private LargeFileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        long size = parseSize(options.getOrDefault("size", "1g"));
        boolean pages = options.getOrDefault("format", "jsonl").startsWith("page");
        String mode = options.getOrDefault("mode", "both");
        Path dir = Path.of(options.getOrDefault("dir",
                Files.isDirectory(Path.of("ingest-service")) ? "ingest-service/target/bench" : "target/bench")).toAbsolutePath();
        int chunkRecords = Integer.parseInt(options.getOrDefault("chunk-records", "50000"));
        boolean keep = options.containsKey("keep");

        Files.createDirectories(dir.resolve("bucket"));
        String key = pages ? "large-page.txt" : "large.jsonl";
        Path file = dir.resolve("bucket").resolve(key);
        System.out.printf(Locale.ROOT, "JVM: max heap %d MiB (-Xmx), %d processors, load average %.2f%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (!Files.exists(file) || Files.size(file) < size) {
            long start = System.nanoTime();
            LargeFileGenerator.Written written = LargeFileGenerator.write(file,
                    pages ? LargeFileGenerator.Format.AFFILIATION_PAGE : LargeFileGenerator.Format.JSONL, size,
                    pages ? 0 : 1000, 42);
            System.out.printf(Locale.ROOT, "generated %s: %.1f MiB, %d records, %d bad candidates in %.1f s%n", file,
                    written.bytes() / 1048576.0, written.records(), written.rejections(), seconds(System.nanoTime() - start));
        }
        long bytes = Files.size(file);
        Process broker = null;
        try {
            if (mode.equals("both") || mode.equals("parse")) {
                parseOnly(file, bytes);
            }
            if (mode.equals("both") || mode.equals("kafka")) {
                String bootstrap = options.get("bootstrap");
                if (bootstrap == null) {
                    broker = startBroker(dir.resolve("kafka"));
                    bootstrap = readBootstrap(broker);
                }
                throughKafka(dir.resolve("bucket"), key, bytes, bootstrap, chunkRecords);
            }
        } finally {
            if (broker != null) {
                broker.getOutputStream().close();
                if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                    broker.destroyForcibly();
                }
            }
            if (!keep) {
                deleteTree(dir);
            }
        }
    }

    private static void parseOnly(Path file, long bytes) throws Exception {
        AtomicLong records = new AtomicLong();
        AtomicLong rejections = new AtomicLong();
        HeapWatch heap = HeapWatch.start();
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(file); HashingInputStream hashing = new HashingInputStream(in)) {
            OpenedFile opened = FormatDetector.ofKnownFormats().open(hashing, file.getFileName().toString(), ReadLimits.of(100_000));
            opened.parse(new RecordSink() {
                @Override
                public void accept(ParsedRecord record) {
                    records.incrementAndGet();
                }

                @Override
                public void reject(ParseRejection rejection) {
                    rejections.incrementAndGet();
                }
            });
            hashing.hexDigest();
        }
        long elapsed = System.nanoTime() - start;
        report("parse (no-op sink, includes SHA-256)", records.get(), rejections.get(), bytes, elapsed, 0, heap.stop());
    }

    private static void throughKafka(Path folder, String key, long bytes, String bootstrap, int chunkRecords) throws Exception {
        LocalFolderBucket bucket = new LocalFolderBucket("bench", folder, Duration.ofMillis(100));
        BucketObject object = bucket.list().stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
        HeapWatch heap = HeapWatch.start();
        long start = System.nanoTime();
        String hash = HashingInputStream.readFully(bucket.open(key)).hexDigest();
        long hashed = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "hashing pass (what the scanner does first): %.1f s, %.1f MB/s%n", seconds(hashed),
                bytes / 1e6 / seconds(hashed));
        try (TransactionalPublisher publisher = TransactionalPublisher.connect(KafkaConnection.to(bootstrap), "ingest-benchmark")) {
            FileLedger ledger = new FileLedger();
            ledger.rebuild(KafkaConnection.to(bootstrap), Duration.ofSeconds(60));
            FileIngestor ingestor = new FileIngestor(bucket, FormatDetector.ofKnownFormats(), publisher, ledger,
                    ReadLimits.of(100_000), Clock.systemUTC(), Duration.ofSeconds(30), new Chunking(chunkRecords, Duration.ofSeconds(20), 1));
            long ingestStart = System.nanoTime();
            IngestOutcome outcome = ingestor.ingest(object, hash);
            long elapsed = System.nanoTime() - ingestStart;
            if (!outcome.done()) {
                throw new IllegalStateException("not DONE: " + outcome.summary());
            }
            report("kafka (chunked transactions to the broker)", outcome.entry().records(), outcome.entry().rejections(), bytes,
                    elapsed, outcome.transactions(), heap.stop());
            System.out.printf(Locale.ROOT, "hashing + publishing: %.1f s%n", seconds(System.nanoTime() - start));
        }
    }

    private static void report(String what, long records, long rejections, long bytes, long nanos, int transactions, long[] heap) {
        double s = seconds(nanos);
        System.out.printf(Locale.ROOT, "%s: %d records, %d rejected, %.1f MiB in %.1f s = %.0f records/s, %.1f MB/s%s;"
                        + " peak heap used %.0f MiB (sampled), %.0f MiB (sum of pool peaks), %.0f MiB in use after GC (max),"
                        + " max heap %d MiB%n",
                what, records, rejections, bytes / 1048576.0, s, records / s, bytes / 1e6 / s,
                transactions > 0 ? ", " + transactions + " transactions" : "", heap[0] / 1048576.0, heap[1] / 1048576.0, heap[2] / 1048576.0,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static Process startBroker(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                BrokerMain.class.getName(), dataDir.toString())
                .redirectError(dataDir.resolve("broker.log").toFile())
                .start();
    }

    private static String readBootstrap(Process broker) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("BOOTSTRAP=")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the broker went away
                    }
                }, "broker-stdout");
                drain.setDaemon(true);
                drain.start();
                return line.substring("BOOTSTRAP=".length());
            }
        }
        throw new IllegalStateException("the broker JVM exited before it was ready");
    }

    private static long parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = switch (t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        return (long) (Double.parseDouble(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The largest heap in use, sampled every 20 ms, and the sum of the heap pools' peaks, since {@link #start()}. */
    private static final class HeapWatch {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        private final AtomicLong max = new AtomicLong();
        private final AtomicLong maxAfterGc = new AtomicLong();
        private volatile boolean running = true;
        private final Thread sampler;

        /** After every collection: the whole heap in use once it ended (the retained set, which -Xmx does not inflate). */
        private final javax.management.NotificationListener afterGc = (notification, handback) -> {
            if (notification.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                        (javax.management.openmbean.CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> pools.stream().anyMatch(pool -> pool.getName().equals(e.getKey())))
                        .mapToLong(e -> e.getValue().getUsed()).sum();
                maxAfterGc.accumulateAndGet(used, Math::max);
            }
        };

        private HeapWatch() {
            System.gc();
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener(afterGc, null, null);
            }
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            sampler = new Thread(() -> {
                while (running) {
                    max.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        long[] stop() throws InterruptedException {
            running = false;
            sampler.join();
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((javax.management.NotificationEmitter) gc).removeNotificationListener(afterGc);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // not registered
                }
            }
            long sum = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            return new long[] {max.get(), sum, maxAfterGc.get()};
        }
    }
}
