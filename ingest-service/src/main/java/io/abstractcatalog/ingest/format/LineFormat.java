package io.abstractcatalog.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** A format read line by line through a {@link LineReader} (UTF-8 errors reported with their exact line). */
public interface LineFormat extends RecordFormat {

    /** How sure this format is, from the first {@link FormatDetector#HEAD_LINES} non-blank lines. */
    int confidence(List<Line> head);

    /** Reads every record from the current position to the end of {@code lines}. */
    void parse(LineReader lines, RecordSink sink) throws IOException;

    @Override
    default int confidence(Sniff sniff) {
        return sniff.lines().isEmpty() ? 0 : confidence(sniff.lines());
    }

    @Override
    default void parse(InputStream content, ReadLimits limits, RecordSink sink) throws IOException {
        parse(LineReader.utf8(content, limits.maxRecordLength()), sink);
    }
}
