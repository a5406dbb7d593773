package io.abstractcatalog.ingest.bucket;

import java.time.Instant;

/**
 * One object as listed: enough to tell whether it changed since the last look without reading it.
 *
 * @param etag the store's entity tag when it has one (S3), else null: only a hint that the bytes are the same, next
 *             to size and modification time. Whether a file is new is decided by its SHA-256 and the ledger.
 */
public record BucketObject(String key, long size, Instant lastModified, String etag) {

    public BucketObject(String key, long size, Instant lastModified) {
        this(key, size, lastModified, null);
    }
}
