package io.abstractcatalog.ingest.bucket;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where users drop files: a local folder today, S3-compatible storage later. Keys use {@code /} whatever the
 * platform, so a file keeps its identity (and its record ids) when it moves from one kind of bucket to another.
 */
public interface Bucket {

    /** The name that goes into the ledger key and every record's provenance. */
    String name();

    /** Where the bucket is (a folder path, an endpoint and bucket), for logs and health reports. */
    String location();

    /** Every object in the bucket, in key order. */
    List<BucketObject> list() throws IOException;

    /** The bytes of one object; the caller closes the stream. */
    InputStream open(String key) throws IOException;

    /** Fails with a message a person can act on when the bucket cannot be read right now (used by readiness). */
    void probe() throws IOException;

    /**
     * Calls {@code onChange} soon after objects may have been added or changed, so a scan need not wait for the
     * next periodic rescan. Buckets that cannot be watched return a no-op: the periodic rescan still finds
     * everything.
     */
    default Watch watch(Runnable onChange) {
        return () -> {
        };
    }

    /** A running watch; closing it stops the notifications. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
