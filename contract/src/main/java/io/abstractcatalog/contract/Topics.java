package io.abstractcatalog.contract;

import java.util.List;

/** The one place that names the topics and says what each carries and how it is kept. */
public final class Topics {

    /** Raw abstracts, one per record, key = recordId. */
    public static final Topic<RawRecord> RAW = Topic.events("abstracts.raw", RawRecord.class);
    /** Rejected records and files, key = ledger key of the file. */
    public static final Topic<Rejection> REJECTED = Topic.events("abstracts.rejected", Rejection.class);
    /** The file ledger, key = ledger key, compacted. */
    // The ledger is read whole at start-up; one partition keeps that simple and it stays small.
    public static final Topic<FileLedgerEntry> FILES = Topic.compacted("ingest.files", FileLedgerEntry.class).inOnePartition();
    /** Canonical works, key = workId, compacted. */
    public static final Topic<WorkEvent> WORKS = Topic.compacted("works", WorkEvent.class);

    /** Every topic of the system; each service creates those missing at start-up. */
    public static final List<Topic<?>> ALL = List.of(RAW, REJECTED, FILES, WORKS);

    private Topics() {
    }
}
