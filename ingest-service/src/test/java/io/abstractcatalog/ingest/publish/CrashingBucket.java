package io.abstractcatalog.ingest.publish;

import io.abstractcatalog.ingest.bucket.Bucket;
import io.abstractcatalog.ingest.bucket.BucketObject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A bucket whose one file makes the process "die" after some bytes while it is being ingested: it throws an
 * {@link Error} that no ingestion code handles, so the transaction stays open exactly as when the JVM is killed
 * mid-file. The first read of the file (the scanner hashing it) goes through; the second (the ingestion) dies.
 */
final class CrashingBucket implements Bucket {

    private final Bucket bucket;
    private final String crashingKey;
    private final long crashAfterBytes;
    private int opens;

    CrashingBucket(Bucket bucket, String crashingKey, long crashAfterBytes) {
        this.bucket = bucket;
        this.crashingKey = crashingKey;
        this.crashAfterBytes = crashAfterBytes;
    }

    @Override
    public String name() {
        return bucket.name();
    }

    @Override
    public String location() {
        return bucket.location();
    }

    @Override
    public List<BucketObject> list() throws IOException {
        return bucket.list();
    }

    @Override
    public void probe() throws IOException {
        bucket.probe();
    }

    @Override
    public InputStream open(String key) throws IOException {
        InputStream in = bucket.open(key);
        return key.equals(crashingKey) && ++opens == 2 ? new DyingStream(in, crashAfterBytes) : in;
    }

    static final class SimulatedCrash extends Error {
        SimulatedCrash(String message) {
            super(message);
        }
    }

    private static final class DyingStream extends FilterInputStream {
        private long left;

        DyingStream(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            dieWhenDue(1);
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            dieWhenDue(len);
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }

        private void dieWhenDue(int wanted) {
            if (left <= 0 && wanted > 0) {
                throw new SimulatedCrash("process killed while reading");
            }
        }
    }
}
