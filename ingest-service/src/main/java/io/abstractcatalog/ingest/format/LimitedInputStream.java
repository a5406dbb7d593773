package io.abstractcatalog.ingest.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails the file once more than {@code limit} bytes have been read: no file, and no gzip bomb, is read forever. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private long count;

    LimitedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long bytes) {
        count += bytes;
        if (count > limit) {
            throw new UnreadableFileException(what + " is larger than the limit of " + limit
                    + " bytes (ingest.max-file-size)", null);
        }
    }
}
