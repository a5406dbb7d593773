package io.abstractcatalog.contract;

import java.util.List;

/** The one place that names the topics and says how each is kept. */
public final class Topics {

    /** Raw abstracts, one per record, key = recordId. */
    public static final String RAW = "abstracts.raw";
    /** Rejected records and files, key = ledger key of the file. */
    public static final String REJECTED = "abstracts.rejected";
    /** The file ledger, key = ledger key, compacted. */
    public static final String FILES = "ingest.files";
    /** Canonical works, key = workId, compacted. */
    public static final String WORKS = "works";

    private Topics() {
    }

    /** How one topic is created when it does not exist yet. */
    public record Spec(String name, int partitions, boolean compacted) {
    }

    /** Every topic of the system, with {@code partitions} for the keyed data topics and one for the ledger. */
    public static List<Spec> all(int partitions) {
        return List.of(
                new Spec(RAW, partitions, false),
                new Spec(REJECTED, partitions, false),
                // The ledger is read whole at start-up; one partition keeps that simple and it stays small.
                new Spec(FILES, 1, true),
                new Spec(WORKS, partitions, true));
    }
}
