package io.abstractcatalog.contract;

import java.time.Instant;

/**
 * A record (or a whole file, then {@code ordinal} is null) that was not accepted, with where and why.
 * {@code ordinal} is the position among the file's record candidates, rejected ones included, so accepted records
 * keep their ids whatever happens to their neighbours; {@code line} is 1-based.
 * Topic {@link Topics#REJECTED}, key {@link FileLedgerEntry#ledgerKey(String, String)}.
 */
public record Rejection(String schema, String bucket, String key, String contentHash, Integer ordinal, Integer line,
                        String reason, String excerpt, Instant rejectedAt) {

    public static final String SCHEMA = "rejection/1";

    public Rejection {
        schema = schema == null ? SCHEMA : schema;
    }
}
