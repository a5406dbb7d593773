package io.abstractcatalog.ingest.publish;

import java.time.Duration;

/**
 * When a long file is committed in several transactions ("chunks") rather than one. A file with at most
 * {@code records} record candidates (records plus rejected candidates) is one transaction, as always; a longer file
 * commits every {@code records} candidates, or sooner once a chunk has been open for {@code maxDuration}, so no
 * transaction grows without bound or outlives Kafka's {@code transaction.timeout.ms}. Every chunk's transaction
 * carries the file's IN_PROGRESS ledger entry (how many candidates are committed); the last one carries DONE.
 *
 * <p>
 * The same bounds hold for a transaction shared by several small files, which holds at most {@code files} files.
 *
 * @param records     candidates per transaction (chunk), at least 1
 * @param maxDuration how long a chunk may stay open before it is committed at the next candidate; zero or negative:
 *                    no time limit
 * @param files       files per transaction, at least 1 (1: every file in transactions of its own)
 */
public record Chunking(int records, Duration maxDuration, int files) {

    public Chunking {
        if (records < 1) {
            throw new IllegalArgumentException("a chunk needs at least one record, not " + records);
        }
        if (files < 1) {
            throw new IllegalArgumentException("a transaction needs room for at least one file, not " + files);
        }
    }
}
