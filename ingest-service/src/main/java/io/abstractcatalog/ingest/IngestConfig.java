package io.abstractcatalog.ingest;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The service's own settings; the defaults and what each one means are in {@code application.properties}. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    BucketSettings bucket();

    ScanSettings scan();

    /** Stable per bucket, so a restarted instance fences the crashed one and aborts its open transaction. */
    String transactionalId();

    /** Longest line or record read, in characters; longer ones are rejected. */
    int maxRecordLength();

    /** Largest file read, in bytes (also counted after gzip decompression); a larger file fails. */
    io.quarkus.runtime.configuration.MemorySize maxFileSize();

    interface BucketSettings {
        String path();

        String name();
    }

    interface ScanSettings {
        Duration interval();

        Duration settleTime();
    }
}
