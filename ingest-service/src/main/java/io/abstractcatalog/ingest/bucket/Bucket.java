package io.abstractcatalog.ingest.bucket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where users drop files: a local folder ({@link LocalFolderBucket}) or S3-compatible storage ({@link S3Bucket}). Keys use {@code /} whatever the
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

    /** One object as listed, or empty when there is none under that key. */
    default Optional<BucketObject> stat(String key) throws IOException {
        return list().stream().filter(object -> object.key().equals(key)).findFirst();
    }

    /**
     * Stores the complete file {@code content} under {@code key}, replacing what was there, so that it appears whole
     * or not at all: a scan never sees it half-written. The caller deletes {@code content} afterwards.
     */
    default void put(String key, Path content) throws IOException {
        throw new UnsupportedOperationException("bucket " + name() + " does not take uploads");
    }

    /**
     * A folder for an upload in flight, on the same file system as the bucket when it has one (so it can be moved
     * into place atomically); never listed as part of the bucket.
     */
    default Path stagingFolder() throws IOException {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Whether an object is only listed once it is complete (S3: a PUT is atomic), so a scan need not wait for it to
     * settle. A folder can list a file that is still being copied in.
     */
    default boolean objectsAppearWhole() {
        return false;
    }

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

        /** What the watch does now, for readiness and status: whether files are found sooner than by a scan. */
        default String state() {
            return "none: new files are found by the periodic scan";
        }
    }
}
