package io.abstractcatalog.contract;

/** Where a file stands in the ledger. */
public enum FileStatus {
    /**
     * Reserved for files committed in several chunks (progress between chunks). A file ingested in one transaction
     * never shows it: its records and its DONE entry become visible together, or not at all.
     */
    IN_PROGRESS,
    /** Every record of this content was published, in the same transaction as this entry. */
    DONE,
    /** The file as a whole could not be ingested; {@code failureReason} says why. */
    FAILED
}
