package io.abstractcatalog.contract;

import java.time.Instant;
import java.util.List;

/**
 * The ledger's word on one file. Topic {@link Topics#FILES} (compacted), key {@link #ledgerKey(String, String)}.
 *
 * @param firstErrors    the first few rejections, as {@code "line N: reason"}, so a user sees at a glance what went wrong
 * @param withoutAbstract how many of {@code records} came without an abstract (kept for their title with authors or an
 *                        identifier); an entry written before this count existed reads as 0
 */
public record FileLedgerEntry(String schema, String bucket, String key, String contentHash, long size, String format,
                              FileStatus status, int records, int rejections, List<String> firstErrors,
                              String failureReason, Instant updatedAt, int withoutAbstract) {

    public static final String SCHEMA = "file-ledger/1";

    public FileLedgerEntry {
        schema = schema == null ? SCHEMA : schema;
        firstErrors = firstErrors == null ? List.of() : List.copyOf(firstErrors);
    }

    /** The file read to its end: its records and rejections are all published. */
    public static FileLedgerEntry done(String bucket, String key, String contentHash, long size, String format,
                                       int records, int rejections, List<String> firstErrors, Instant at,
                                       int withoutAbstract) {
        return new FileLedgerEntry(SCHEMA, bucket, key, contentHash, size, format, FileStatus.DONE, records, rejections,
                firstErrors, null, at, withoutAbstract);
    }

    /** A long file between two chunks: what the committed chunks hold so far. */
    public static FileLedgerEntry inProgress(String bucket, String key, String contentHash, long size, String format,
                                             int records, int rejections, List<String> firstErrors, Instant at,
                                             int withoutAbstract) {
        return new FileLedgerEntry(SCHEMA, bucket, key, contentHash, size, format, FileStatus.IN_PROGRESS, records,
                rejections, firstErrors, null, at, withoutAbstract);
    }

    /** The file could not be read (to its end); {@code records} counts what earlier chunks committed. */
    public static FileLedgerEntry failed(String bucket, String key, String contentHash, long size, String format,
                                         int records, int rejections, List<String> firstErrors, String reason,
                                         Instant at, int withoutAbstract) {
        return new FileLedgerEntry(SCHEMA, bucket, key, contentHash, size, format, FileStatus.FAILED, records,
                rejections, firstErrors, reason, at, withoutAbstract);
    }

    public static String ledgerKey(String bucket, String key) {
        return bucket + "/" + key;
    }

    public String ledgerKey() {
        return ledgerKey(bucket, key);
    }
}
