package io.abstractcatalog.loadtest.bench;

import io.abstractcatalog.contract.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * Each stage's position sampled once a second: what ingest has written ({@code abstracts.raw} end offsets), what
 * dedup has consumed from it (its group's committed offsets) and written ({@code works} end offsets), and what the
 * catalog has applied (its group's committed offsets on {@code works}).
 */
final class Progress implements AutoCloseable {

    record Sample(double seconds, long ingested, long deduplicated, long workEvents, long cataloged) {
    }

    /** One stage's course: when it finished and how fast it went. */
    record StageRate(long count, double doneAtSeconds, double averagePerSecond, double busiest10sPerSecond) {
    }

    private final KafkaOffsets offsets;
    private final long startNanos;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    Progress(KafkaOffsets offsets, long startNanos) {
        this.offsets = offsets;
        this.startNanos = startNanos;
        this.thread = new Thread(this::loop, "loadtest-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                Sample sample = new Sample((System.nanoTime() - startNanos) / 1e9, offsets.end(Topics.RAW),
                        offsets.committed(KafkaOffsets.DEDUP_GROUP, Topics.RAW), offsets.end(Topics.WORKS),
                        offsets.committed(KafkaOffsets.CATALOG_GROUP, Topics.WORKS));
                synchronized (samples) {
                    samples.add(sample);
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a slow admin call on a loaded machine: the next sample will do
            }
        }
    }

    Sample latest() {
        synchronized (samples) {
            return samples.isEmpty() ? new Sample(0, 0, 0, 0, 0) : samples.get(samples.size() - 1);
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    static StageRate rate(List<Sample> samples, java.util.function.ToLongFunction<Sample> stage) {
        if (samples.isEmpty()) {
            return new StageRate(0, 0, 0, 0);
        }
        long last = stage.applyAsLong(samples.get(samples.size() - 1));
        double doneAt = 0;
        for (Sample s : samples) {
            if (stage.applyAsLong(s) >= last) {
                doneAt = s.seconds();
                break;
            }
        }
        double busiest = 0;
        int j = 0;
        for (int i = 0; i < samples.size(); i++) {
            while (samples.get(i).seconds() - samples.get(j).seconds() > 10) {
                j++;
            }
            double span = samples.get(i).seconds() - samples.get(j).seconds();
            if (span >= 5) {
                busiest = Math.max(busiest, (stage.applyAsLong(samples.get(i)) - stage.applyAsLong(samples.get(j))) / span);
            }
        }
        return new StageRate(last, doneAt, doneAt > 0 ? last / doneAt : 0, busiest);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
