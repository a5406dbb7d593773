package io.abstractcatalog.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.contract.FileStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestOutcomeTest {

    @Test
    void doneFileSummarySaysCountsSizeAndTime() {
        var entry = entry(FileStatus.DONE, 11_469, "affiliation-page", null);

        assertThat(new IngestOutcome(entry, Duration.ofMillis(40)).summary())
                .isEqualTo("ingested 000_x.txt (affiliation-page): 10 records, 0 rejected, 11.2 KiB in 40 ms");
    }

    @Test
    void doneFileSummarySaysHowManyRecordsCameWithoutAbstract() {
        var entry = new FileLedgerEntry(null, "local", "refs.bib", "abc", 2048, "bibtex", FileStatus.DONE, 10, 1,
                List.of(), null, Instant.now(), 3);

        assertThat(new IngestOutcome(entry, Duration.ofMillis(40)).summary())
                .isEqualTo("ingested refs.bib (bibtex): 10 records (3 without abstract), 1 rejected, 2.0 KiB in 40 ms");
    }

    @Test
    void failedFileSummarySaysWhy() {
        var entry = entry(FileStatus.FAILED, 0, null, "empty file");

        assertThat(new IngestOutcome(entry, Duration.ofMillis(3)).summary()).isEqualTo("failed 000_x.txt: empty file (0 B in 3 ms)");
    }

    private static FileLedgerEntry entry(FileStatus status, long size, String format, String reason) {
        return new FileLedgerEntry(null, "local", "000_x.txt", "abc", size, format, status,
                status == FileStatus.DONE ? 10 : 0, 0, List.of(), reason, Instant.now(), 0);
    }
}
