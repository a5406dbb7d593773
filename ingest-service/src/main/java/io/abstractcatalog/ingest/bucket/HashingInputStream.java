package io.abstractcatalog.ingest.bucket;

import io.abstractcatalog.contract.RecordIdentity;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Passes bytes through while computing their SHA-256 (the file's content hash) and counting them. */
public final class HashingInputStream extends FilterInputStream {

    private final MessageDigest digest = RecordIdentity.sha256();
    private long count;

    public HashingInputStream(InputStream in) {
        super(in);
    }

    /** Hashes a whole stream and closes it. */
    public static HashingInputStream readFully(InputStream in) throws IOException {
        HashingInputStream hashing = new HashingInputStream(in);
        try (hashing) {
            hashing.transferTo(OutputStream.nullOutputStream());
        }
        return hashing;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            digest.update(buffer, offset, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would be missing from the hash: read them instead.
        return Math.max(0, read(new byte[(int) Math.max(0, Math.min(n, 8192))]));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The hex SHA-256 of every byte read so far; call once, after the last read. */
    public String hexDigest() {
        return HexFormat.of().formatHex(digest.digest());
    }

    public long count() {
        return count;
    }
}
