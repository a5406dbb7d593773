package io.abstractcatalog.loadtest.bench;

import io.abstractcatalog.loadtest.generate.FileFormat;
import io.abstractcatalog.loadtest.generate.LoadGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drop-to-queryable latency at a steady offered load: one probe file of new works every {@code interval}; per file,
 * the time from its atomic appearance in the bucket to the first moment {@code GET /works?source=<file>} returns all
 * of its works. Probe files are written beside the bucket and renamed into it, so the drop is one instant.
 */
final class DropLatency {

    record Result(int files, int recordsPerFile, Duration interval, double[] latenciesSeconds, int notQueryable) {

        double percentile(double p) {
            if (latenciesSeconds.length == 0) {
                return Double.NaN;
            }
            double[] sorted = latenciesSeconds.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }

        double offeredRecordsPerSecond() {
            return recordsPerFile / (interval.toNanos() / 1e9);
        }
    }

    private DropLatency() {
    }

    static Result measure(LoadGenerator generator, Path staging, Path bucket, CatalogApi catalog, int files,
                          int recordsPerFile, Duration interval, Duration giveUpAfter) throws Exception {
        Files.createDirectories(staging);
        Map<String, Long> dropped = new LinkedHashMap<>(); // key -> drop time
        List<Double> latencies = new ArrayList<>();
        long began = System.nanoTime();
        int next = 0;
        while (next < files || !dropped.isEmpty()) {
            long now = System.nanoTime();
            if (next < files && now >= began + next * interval.toNanos()) {
                FileFormat format = LoadGenerator.formatOf(next);
                String key = String.format("probe-%05d.%s", next, format.extension());
                Path file = staging.resolve(key);
                generator.writeProbe(file, format, recordsPerFile);
                Files.move(file, bucket.resolve(key), StandardCopyOption.ATOMIC_MOVE);
                dropped.put(key, System.nanoTime());
                next++;
            }
            for (var it = dropped.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                boolean all;
                try {
                    all = catalog.worksFromFile(entry.getKey()) >= recordsPerFile;
                } catch (RuntimeException e) { // a slow answer on a loaded machine counts as not yet
                    all = false;
                }
                long at = System.nanoTime(); // after the answer: an upper bound by the request's own time
                if (all) {
                    latencies.add((at - entry.getValue()) / 1e9);
                    it.remove();
                } else if (at - entry.getValue() > giveUpAfter.toNanos()) {
                    it.remove();
                }
            }
            Thread.sleep(50);
        }
        int queryable = latencies.size();
        return new Result(files, recordsPerFile, interval, latencies.stream().mapToDouble(Double::doubleValue).toArray(),
                files - queryable);
    }
}
