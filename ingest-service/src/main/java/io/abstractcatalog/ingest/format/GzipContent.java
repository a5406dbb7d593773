package io.abstractcatalog.ingest.format;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The decompressed content of a gzip file. Corrupt or truncated gzip data is a property of the file, so it fails
 * the file ({@link UnreadableFileException}) rather than passing for a read error worth retrying.
 */
final class GzipContent extends FilterInputStream {

    static final int BUFFER = 64 * 1024;

    private GzipContent(InputStream in) {
        super(in);
    }

    static boolean isGzip(byte[] head, int length) {
        return length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    static InputStream open(InputStream compressed) throws IOException {
        try {
            return new GzipContent(new GZIPInputStream(compressed, BUFFER));
        } catch (ZipException | EOFException e) {
            throw corrupt(e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (ZipException | EOFException e) {
            throw corrupt(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (ZipException | EOFException e) {
            throw corrupt(e);
        }
    }

    private static UnreadableFileException corrupt(IOException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new UnreadableFileException("truncated or corrupt gzip data: " + detail, null);
    }
}
