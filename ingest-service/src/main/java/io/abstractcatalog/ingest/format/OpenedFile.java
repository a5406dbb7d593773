package io.abstractcatalog.ingest.format;

import java.io.IOException;
import java.io.InputStream;

/** A file whose format is known, ready to be parsed once from its first byte. */
public final class OpenedFile {

    private final RecordFormat format;
    private final boolean compressed;
    private final InputStream content;
    private final ReadLimits limits;

    OpenedFile(RecordFormat format, boolean compressed, InputStream content, ReadLimits limits) {
        this.format = format;
        this.compressed = compressed;
        this.content = content;
        this.limits = limits;
    }

    public RecordFormat format() {
        return format;
    }

    public boolean compressed() {
        return compressed;
    }

    /** The name for the ledger and provenance: the format's, with {@code +gzip} for a compressed file. */
    public String formatName() {
        return compressed ? format.name() + "+gzip" : format.name();
    }

    /** Hands every record and rejection to {@code sink}; the content is read to its end (gzip trailer checked). */
    public void parse(RecordSink sink) throws IOException {
        format.parse(new UncloseableInputStream(content), limits, sink);
        content.transferTo(java.io.OutputStream.nullOutputStream());
    }

    /** Parsers close what they read; the caller owns the file's stream. */
    private static final class UncloseableInputStream extends java.io.FilterInputStream {
        UncloseableInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
