package io.abstractcatalog.ingest;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** The service's own settings; the defaults and what each one means are in {@code application.properties}. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    BucketSettings bucket();

    S3Settings s3();

    ScanSettings scan();

    UploadSettings upload();

    ChunkSettings chunk();

    ProducerSettings producer();

    /** Stable per bucket, so a restarted instance fences the crashed one and aborts its open transaction. */
    String transactionalId();

    /** Longest line or record read, in characters; longer ones are rejected. */
    int maxRecordLength();

    /** Largest file read, in bytes (also counted after gzip decompression); a larger file fails. */
    io.quarkus.runtime.configuration.MemorySize maxFileSize();

    /** How often a file still being read logs its progress (records so far, rate). */
    Duration progressInterval();

    /** The key that {@code PUT /files/...} and {@code POST /files/.../retry} require in {@code X-Api-Key}. */
    Optional<String> apiKey();

    interface BucketSettings {
        /** {@code local} (a folder) or {@code s3} (S3-compatible storage). */
        String type();

        String path();

        String name();
    }

    interface S3Settings {
        /** The S3 bucket; required when {@code ingest.bucket.type=s3}. */
        Optional<String> bucket();

        /** Only objects under this prefix are files of the bucket; their keys are relative to it. */
        Optional<String> prefix();

        /** Endpoint override (MinIO, S3Proxy, another S3-compatible store); AWS's own endpoint when unset. */
        Optional<String> endpoint();
        String region();

        /** Path-style URLs ({@code http://host/bucket/key}), which MinIO and most S3-compatible stores need. */
        boolean pathStyle();

        /** Static credentials; when unset, the default AWS chain (environment, profile, instance role...). */
        Optional<String> accessKey();

        Optional<String> secretKey();

        Notifications notifications();
    }

    /** The store's bucket notifications, read from Kafka (MinIO's Kafka target). */
    interface Notifications {
        /** The topic the store publishes S3 events to; unset: new objects are found by the periodic scan only. */
        Optional<String> topic();
    }

    interface ScanSettings {
        Duration interval();

        Duration settleTime();
    }

    /** When a long file is committed in several transactions; see {@code publish.Chunking}. */
    interface ChunkSettings {
        /** Record candidates (records and rejected ones) per transaction; a file with no more is one transaction. */
        int records();

        /** A chunk open this long is committed at the next candidate, whatever its size (0: no time limit). */
        Duration maxDuration();

        /** Files per transaction: small files of one scan share a transaction up to {@link #records()} candidates. */
        int files();
    }

    /** How the transactional producer batches records; see {@code publish.TransactionalPublisher.Batching}. */
    interface ProducerSettings {
        /** Bytes per partition batch. */
        io.quarkus.runtime.configuration.MemorySize batchSize();

        /** How long a batch waits to fill. */
        Duration linger();

        /** {@code none}, {@code lz4}, {@code zstd}, {@code gzip} or {@code snappy}. */
        String compression();
    }

    interface UploadSettings {
        /**
         * Whether uploads need {@code ingest.api-key}: with it true and no key configured, uploads are disabled.
         * True in production; {@code %dev} and {@code %test} leave uploads open when no key is set.
         */
        boolean requireApiKey();

        /** Largest upload; {@code ingest.max-file-size} when unset (a larger file would fail anyway). */
        Optional<io.quarkus.runtime.configuration.MemorySize> maxSize();
    }
}
