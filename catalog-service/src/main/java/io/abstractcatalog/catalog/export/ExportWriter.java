package io.abstractcatalog.catalog.export;

import io.abstractcatalog.catalog.search.WorkSummary;
import java.io.IOException;

/** Writes works in one format as they come: what a format needs before the first work and after the last. */
interface ExportWriter {

    /** Before the first work (a header, an opening bracket); nothing for most formats. */
    default void start() throws IOException {
    }

    void write(WorkSummary work) throws IOException;

    /** After the last work; flushes what the format buffered, not the underlying stream. */
    default void finish() throws IOException {
    }
}
