package io.abstractcatalog.ingest.format;

/**
 * How much of a file is read.
 *
 * @param maxRecordLength longest line / record in characters; longer records are rejected, the file goes on
 * @param maxFileSize     largest file in bytes, counted after gzip decompression too; a larger file fails
 */
public record ReadLimits(int maxRecordLength, long maxFileSize) {

    public ReadLimits {
        if (maxRecordLength < 1 || maxFileSize < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxRecordLength + ", " + maxFileSize);
        }
    }

    /**
     * Record limits with no file-size limit: for parsing records where no file is counted (a JSON parser's value
     * bounds). The service reads files with both limits from its configuration ({@code ingest.max-file-size}).
     */
    public static ReadLimits of(int maxRecordLength) {
        return new ReadLimits(maxRecordLength, Long.MAX_VALUE);
    }

    /**
     * The longest single string (a JSON or CSV value) a streaming parser holds while reading a record. Strings up to
     * this length give a rejection when the record is over {@link #maxRecordLength}; longer ones fail the file,
     * so no value can fill the heap.
     */
    public int maxValueLength() {
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1_000_000L, 10L * maxRecordLength));
    }
}
