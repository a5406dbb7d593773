package io.abstractcatalog.ingest.publish;

import java.time.Duration;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Logs how far the reading of one long file has got, at most once per interval: records so far, their rate, and
 * the bytes read out of the file's size. A short file ends before the first interval and logs nothing here.
 */
public final class ProgressLog {

    private static final Logger LOG = Logger.getLogger("io.abstractcatalog.ingest.progress");

    private final String key;
    private final long size;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private long next;

    /** @param interval zero or negative: never logs */
    public ProgressLog(String key, long size, Duration interval) {
        this.key = key;
        this.size = size;
        this.intervalNanos = interval.toNanos();
        this.next = started + intervalNanos;
    }

    /** Called for every record; logs when the interval has passed since the last line. */
    public void tick(long records, long rejections, long bytesRead) {
        if (intervalNanos <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - next < 0) {
            return;
        }
        next = now + intervalNanos;
        LOG.info(line(key, records, rejections, bytesRead, size, Duration.ofNanos(now - started)));
    }

    /** One progress line, e.g. {@code big.jsonl: 120000 records (3 rejected) so far, 24000 records/s, 512.0 MiB of 1.0 GiB (50%) in 5 s}. */
    static String line(String key, long records, long rejections, long bytesRead, long size, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        String share = size > 0 ? String.format(Locale.ROOT, " (%d%%)", Math.min(100, bytesRead * 100 / size)) : "";
        return String.format(Locale.ROOT, "%s: %d records (%d rejected) so far, %.0f records/s, %s of %s%s in %d s",
                key, records, rejections, records / seconds, DataSize.format(bytesRead), DataSize.format(size), share, elapsed.toSeconds());
    }

}
