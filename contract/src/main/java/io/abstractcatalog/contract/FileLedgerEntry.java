package io.abstractcatalog.contract;

import java.time.Instant;
import java.util.List;

/**
 * The ledger's word on one file. Topic {@link Topics#FILES} (compacted), key {@link #ledgerKey(String, String)}.
 *
 * @param firstErrors the first few rejections, as {@code "line N: reason"}, so a user sees at a glance what went wrong
 */
public record FileLedgerEntry(String schema, String bucket, String key, String contentHash, long size, String format,
                              FileStatus status, int records, int rejections, List<String> firstErrors,
                              String failureReason, Instant updatedAt) {

    public static final String SCHEMA = "file-ledger/1";

    public FileLedgerEntry {
        schema = schema == null ? SCHEMA : schema;
        firstErrors = firstErrors == null ? List.of() : List.copyOf(firstErrors);
    }

    public static String ledgerKey(String bucket, String key) {
        return bucket + "/" + key;
    }

    public String ledgerKey() {
        return ledgerKey(bucket, key);
    }
}
