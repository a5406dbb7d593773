package io.abstractcatalog.ingest.format;

/**
 * How much of a file is read.
 *
 * @param maxRecordLength longest line / record in characters; longer records are rejected, the file goes on
 * @param maxFileSize     largest file in bytes, counted after gzip decompression too; a larger file fails
 */
public record ReadLimits(int maxRecordLength, long maxFileSize) {

    public static final long DEFAULT_MAX_FILE_SIZE = 2L * 1024 * 1024 * 1024;

    public ReadLimits {
        if (maxRecordLength < 1 || maxFileSize < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxRecordLength + ", " + maxFileSize);
        }
    }

    public static ReadLimits of(int maxRecordLength) {
        return new ReadLimits(maxRecordLength, DEFAULT_MAX_FILE_SIZE);
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
