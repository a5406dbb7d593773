package io.abstractcatalog.contract;

/** Where a file stands in the ledger. */
public enum FileStatus {
    /** Being ingested; a crash leaves it here and the next start redoes the file. */
    IN_PROGRESS,
    /** Every record of this content was published, in the same transaction as this entry. */
    DONE,
    /** The file as a whole could not be ingested; {@code failureReason} says why. */
    FAILED
}
