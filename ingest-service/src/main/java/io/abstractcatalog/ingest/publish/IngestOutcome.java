package io.abstractcatalog.ingest.publish;

import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.contract.FileStatus;
import java.time.Duration;
import java.util.Locale;

/** What ingesting one file came to: the ledger entry committed for it and how long it took. */
public record IngestOutcome(FileLedgerEntry entry, Duration elapsed) {

    public boolean done() {
        return entry.status() == FileStatus.DONE;
    }

    /** One log line with the counts, e.g. {@code ingested a.txt (affiliation-page): 10 records, 0 rejected, 11.2 KiB in 40 ms}. */
    public String summary() {
        String size = bytes(entry.size());
        if (done()) {
            return String.format(Locale.ROOT, "ingested %s (%s): %d records, %d rejected, %s in %d ms",
                    entry.key(), entry.format(), entry.records(), entry.rejections(), size, elapsed.toMillis());
        }
        return String.format(Locale.ROOT, "failed %s: %s (%s in %d ms)", entry.key(), entry.failureReason(), size, elapsed.toMillis());
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
