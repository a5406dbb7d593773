package io.abstractcatalog.ingest.format;

/**
 * One line of a text file, without its line terminator.
 *
 * @param number    1-based
 * @param truncated the line was longer than the reader's limit and {@code text} holds only its beginning
 */
public record Line(int number, String text, boolean truncated) {

    public boolean isBlank() {
        return text.isBlank();
    }

    /** The start of the line, short enough to show in a rejection. */
    public String excerpt() {
        String trimmed = text.strip();
        return trimmed.length() <= 120 ? trimmed : trimmed.substring(0, 120) + "…";
    }
}
