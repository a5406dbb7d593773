package io.abstractcatalog.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** One kind of file users drop: how to recognise it from its head and how to read its records. */
public interface RecordFormat {

    /** The name that goes into every record's provenance and the ledger, e.g. {@code affiliation-page}. */
    String name();

    /** File name extensions (without dot, lower case) usual for this format: a tie-breaker, never a decider. */
    default List<String> extensions() {
        return List.of();
    }

    /**
     * How sure this format is that a file starting with {@code sniff} is its own: 0 = not this format, 100 =
     * certain. The content decides, not the file name: users name files anything.
     */
    int confidence(Sniff sniff);

    /**
     * When this format does not claim the file but can say why a person might have expected it to (a CSV header
     * without an abstract column, say): that explanation, added to the "format not recognised" reason; else null.
     */
    default String nearMiss(Sniff sniff) {
        return null;
    }

    /**
     * Reads every record of the (already decompressed) {@code content}, from its first byte. A bad record goes to
     * {@link RecordSink#reject} and reading goes on; only a problem with the file as a whole throws
     * {@link UnreadableFileException}.
     */
    void parse(InputStream content, ReadLimits limits, RecordSink sink) throws IOException;
}
