package io.abstractcatalog.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLogTest {

    @Test
    void aProgressLineSaysRecordsSoFarRateAndShareOfTheFile() {
        assertThat(ProgressLog.line("big.jsonl", 120_000, 3, 512L << 20, 1L << 30, Duration.ofSeconds(5)))
                .isEqualTo("big.jsonl: 120000 records (3 rejected) so far, 24000 records/s, 512.0 MiB of 1.0 GiB (50%) in 5 s");
        assertThat(ProgressLog.line("unknown-size", 10, 0, 100, 0, Duration.ZERO))
                .isEqualTo("unknown-size: 10 records (0 rejected) so far, 10000 records/s, 100 B of 0 B in 0 s");
    }

    @Test
    void ticksAreCheapAndSilentWithinTheInterval() {
        ProgressLog log = new ProgressLog("a.txt", 1000, Duration.ofHours(1));
        for (int i = 0; i < 1_000_000; i++) {
            log.tick(i, 0, i);
        }
        new ProgressLog("b.txt", 1000, Duration.ZERO).tick(1, 0, 1); // disabled: never logs
    }
}
