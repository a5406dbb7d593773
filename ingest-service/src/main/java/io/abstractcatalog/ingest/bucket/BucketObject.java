package io.abstractcatalog.ingest.bucket;

import java.time.Instant;

/** One object as listed: enough to tell whether it changed since the last look without reading it. */
public record BucketObject(String key, long size, Instant lastModified) {
}
