package io.abstractcatalog.ingest.publish;

import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.contract.FileStatus;
import java.time.Duration;
import java.util.Locale;

/**
 * What ingesting one file came to: the ledger entry committed for it and how long it took.
 *
 * @param transactions       transactions committed for the file in this run: 1, or more for a file committed in chunks
 * @param resumedCandidates  record candidates skipped because an interrupted earlier run had committed them (0 when
 *                           the file was read from the start)
 * @param resumedRecords     how many of those were records; {@code entry().records() - resumedRecords} were sent now
 */
public record IngestOutcome(FileLedgerEntry entry, Duration elapsed, int transactions, long resumedCandidates,
                            int resumedRecords) {

    public IngestOutcome(FileLedgerEntry entry, Duration elapsed) {
        this(entry, elapsed, 1, 0, 0);
    }

    /** Records published by this run (a resumed file counts only what it sent after the committed chunks). */
    public int recordsPublished() {
        return entry.records() - resumedRecords;
    }

    /** Rejections published by this run. */
    public long rejectionsPublished() {
        return entry.rejections() - (resumedCandidates - resumedRecords);
    }

    public boolean done() {
        return entry.status() == FileStatus.DONE;
    }

    /** One log line with the counts, e.g. {@code ingested a.txt (affiliation-page): 10 records, 0 rejected, 11.2 KiB in 40 ms}. */
    public String summary() {
        String size = DataSize.format(entry.size());
        if (done()) {
            String chunked = transactions > 1 || resumedCandidates > 0
                    ? String.format(Locale.ROOT, ", %d chunks", transactions) : "";
            String resumed = resumedCandidates > 0
                    ? String.format(Locale.ROOT, ", resumed after %d committed candidates", resumedCandidates) : "";
            String withoutAbstract = entry.withoutAbstract() > 0
                    ? String.format(Locale.ROOT, " (%d without abstract)", entry.withoutAbstract()) : "";
            return String.format(Locale.ROOT, "ingested %s (%s): %d records%s, %d rejected, %s in %d ms%s%s",
                    entry.key(), entry.format(), entry.records(), withoutAbstract, entry.rejections(), size,
                    elapsed.toMillis(), chunked, resumed);
        }
        return String.format(Locale.ROOT, "failed %s: %s (%s in %d ms)", entry.key(), entry.failureReason(), size, elapsed.toMillis());
    }

}
