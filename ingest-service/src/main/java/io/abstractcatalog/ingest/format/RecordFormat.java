package io.abstractcatalog.ingest.format;

import java.io.IOException;
import java.util.List;

/** One kind of file users drop: how to recognise it from its first lines and how to read its records. */
public interface RecordFormat {

    /** The name that goes into every record's provenance and the ledger, e.g. {@code affiliation-page}. */
    String name();

    /**
     * How sure this format is that a file starting with {@code head} (its first non-blank lines) is its own:
     * 0 = not this format, 100 = certain. The content decides, not the file name: users name files anything.
     */
    int confidence(List<Line> head);

    /**
     * Reads every record from the current position to the end of {@code lines}. A bad record goes to
     * {@link RecordSink#reject} and reading goes on; only a problem with the file as a whole throws
     * {@link UnreadableFileException}.
     */
    void parse(LineReader lines, RecordSink sink) throws IOException;
}
