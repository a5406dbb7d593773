package io.abstractcatalog.ingest.format;

import java.util.List;
import java.util.Locale;

/**
 * The head of a file as format detection sees it, after gzip decompression.
 *
 * @param text       the first {@link FormatDetector#SNIFF_BYTES} bytes decoded as UTF-8, byte-order mark dropped
 * @param complete   {@code text} is the whole file
 * @param lines      the first {@link FormatDetector#HEAD_LINES} non-blank lines of {@code text} (a line cut by the
 *                   end of the sniff is marked truncated)
 * @param fileName   the object key, a hint only
 * @param compressed the file is gzip-compressed
 */
public record Sniff(String text, boolean complete, List<Line> lines, String fileName, boolean compressed) {

    public Sniff {
        lines = List.copyOf(lines);
        fileName = fileName == null ? "" : fileName;
    }

    /** The extension of the file name without {@code .gz}, lower case; "" when there is none. */
    public String extension() {
        String name = fileName.toLowerCase(Locale.ROOT);
        int slash = name.lastIndexOf('/');
        name = name.substring(slash + 1);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        } else if (name.endsWith(".gzip")) {
            name = name.substring(0, name.length() - 5);
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** The text from its first non-whitespace character. */
    public String trimmedStart() {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return text.substring(i);
    }

    /** The first non-blank line, or "" when there is none. */
    public String firstLine() {
        return lines.isEmpty() ? "" : lines.get(0).text();
    }
}
