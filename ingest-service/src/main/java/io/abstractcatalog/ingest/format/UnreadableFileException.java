package io.abstractcatalog.ingest.format;

/**
 * The file as a whole cannot be turned into records (empty, not UTF-8, of no known format). Unlike a bad record,
 * which is rejected while the rest of the file goes on, this fails the file.
 */
public class UnreadableFileException extends RuntimeException {

    private final Integer line;

    public UnreadableFileException(String reason, Integer line) {
        super(reason);
        this.line = line;
    }

    /** The 1-based line where the problem showed, when there is one. */
    public Integer line() {
        return line;
    }
}
