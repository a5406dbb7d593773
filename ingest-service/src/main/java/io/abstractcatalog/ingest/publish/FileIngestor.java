package io.abstractcatalog.ingest.publish;

import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.contract.FileStatus;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.RecordIdentity;
import io.abstractcatalog.contract.Rejection;
import io.abstractcatalog.contract.SourceRef;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.ingest.bucket.Bucket;
import io.abstractcatalog.ingest.bucket.BucketObject;
import io.abstractcatalog.ingest.bucket.HashingInputStream;
import io.abstractcatalog.ingest.format.FormatDetector;
import io.abstractcatalog.ingest.format.OpenedFile;
import io.abstractcatalog.ingest.format.ParseRejection;
import io.abstractcatalog.ingest.format.ParsedRecord;
import io.abstractcatalog.ingest.format.ReadLimits;
import io.abstractcatalog.ingest.format.RecordSink;
import io.abstractcatalog.ingest.format.UnreadableFileException;
import io.abstractcatalog.ingest.ledger.FileLedger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.jboss.logging.Logger;

/**
 * Ingests one file in one Kafka transaction: every record to {@link Topics#RAW}, every rejection to
 * {@link Topics#REJECTED} and the file's DONE entry to {@link Topics#FILES}. Either all of it becomes visible to
 * {@code read_committed} readers or none of it does, so a crash at any point means the file is done again from the
 * start, and since record ids depend only on the bytes, a reader never sees a record twice.
 * <p>
 * A file with more record candidates than {@link Chunking#records()} (or still being read after
 * {@link Chunking#maxDuration()}) is committed in chunks instead: each chunk's transaction holds its records and
 * rejections and the file's {@link FileStatus#IN_PROGRESS} entry, whose {@code records + rejections} is the number of
 * candidates committed so far; the last chunk holds the DONE entry. When the ledger has an IN_PROGRESS entry for the
 * same bytes (same content hash), the ingestion resumes: parsing is deterministic, so the first
 * {@code records + rejections} candidates the format hands over are skipped, not sent again. A crash inside a chunk
 * loses only that chunk's open transaction. Other bytes (another hash) start over.
 * <p>
 * A file that cannot be read as a whole (empty, not UTF-8, unknown format) gets a FAILED entry and one file-level
 * rejection instead, after the records it may have produced are aborted.
 * <p>
 * Small files share a transaction ({@link #add}, then {@link #commitPending}): up to {@link Chunking#files()} files
 * and {@link Chunking#records()} candidates, each file with its DONE entry, so a drop of many small files does not
 * pay one commit per file. The shared transaction is all or nothing like a file's own: a crash redoes every file
 * of it. When one file of it fails (bad bytes, a passing read error), the transaction is aborted and the files
 * before it in the transaction are published again in a fresh one, so a bad file never takes a good one with it.
 */
public final class FileIngestor {

    private static final Logger LOG = Logger.getLogger(FileIngestor.class);
    /** A ledger entry names the first few errors; the rest are on the rejected topic. */
    static final int FIRST_ERRORS = 5;

    private final Bucket bucket;
    private final FormatDetector detector;
    private final TransactionalPublisher publisher;
    private final FileLedger ledger;
    private final ReadLimits limits;
    private final Clock clock;
    /** How often a long file logs its progress. */
    private final Duration progressInterval;
    private final Chunking chunking;
    // The open transaction: whether there is one, the files published in it, its candidates and when it began.
    private boolean open;
    private final List<Pending> pending = new ArrayList<>();
    private int transactionCandidates;
    private long transactionStarted;

    /**
     * @param limits           the longest record (longer ones are rejected, so a file without line breaks cannot
     *                         exhaust the heap or exceed Kafka's message size) and the largest file (larger ones fail,
     *                         also after gzip decompression)
     * @param progressInterval how often a file still being read logs its records so far and their rate
     * @param chunking         when a long file is committed in several transactions
     */
    public FileIngestor(Bucket bucket, FormatDetector detector, TransactionalPublisher publisher, FileLedger ledger,
                        ReadLimits limits, Clock clock, Duration progressInterval, Chunking chunking) {
        this.progressInterval = progressInterval;
        this.chunking = chunking;
        this.bucket = bucket;
        this.detector = detector;
        this.publisher = publisher;
        this.ledger = ledger;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Publishes the file {@code object} whose bytes hash to {@code contentHash} in a transaction of its own (after
     * committing any file {@link #add}ed before) and records the outcome in the ledger.
     *
     * @throws RetryLaterException     nothing was committed, for a reason outside the file's content
     * @throws ProducerFencedException another instance took over this transactional id; this one must stop
     */
    public IngestOutcome ingest(BucketObject object, String contentHash) throws RetryLaterException {
        commitPending();
        List<IngestOutcome> outcomes = new ArrayList<>(add(object, contentHash));
        outcomes.addAll(commitPending());
        return outcomes.get(outcomes.size() - 1);
    }

    /**
     * Publishes the file {@code object} in the open transaction, shared with the files added before it; it is
     * committed once the transaction is full (then its outcome is among those returned) or at {@link #commitPending}.
     *
     * @return the files committed by this call (a full transaction), in order; their entries are in the ledger
     * @throws RetryLaterException     this file was not published, for a reason outside its content; the files
     *                                 added before it are still pending (or, after Kafka trouble, not published:
     *                                 the ledger does not have them, so the next scan does them again)
     * @throws ProducerFencedException another instance took over this transactional id; this one must stop
     */
    public List<IngestOutcome> add(BucketObject object, String contentHash) throws RetryLaterException {
        List<IngestOutcome> committed = new ArrayList<>();
        FileRun run = new FileRun(object, contentHash, clock.instant(), committed);
        try {
            publish(run, run::publishRecords, committed);
        } catch (UnreadableFileException e) {
            FileRun failing = new FileRun(object, contentHash, run.startedAt, committed); // what the ledger has now
            failing.started = run.started;
            publish(failing, () -> failing.publishFailure(e), committed);
        }
        return committed;
    }

    /** Commits the open transaction, if any: its files' entries go to the ledger; returns their outcomes in order. */
    public List<IngestOutcome> commitPending() throws RetryLaterException {
        List<IngestOutcome> committed = new ArrayList<>();
        if (open) {
            try {
                commitOpen(committed);
            } catch (ProducerFencedException e) {
                throw e;
            } catch (KafkaException e) {
                abandon(e);
                throw new RetryLaterException("cannot commit the transaction: " + e.getMessage(), e);
            }
        }
        return committed;
    }

    /** Runs {@code publication} in the open transaction and commits when the transaction is full. */
    private void publish(FileRun run, Publication publication, List<IngestOutcome> committed) throws RetryLaterException {
        ensureOpen();
        try {
            FileLedgerEntry entry = publication.publish();
            pending.add(new Pending(run, entry));
            if (pending.size() >= chunking.files() || isFull()) {
                commitOpen(committed);
            }
        } catch (UnreadableFileException e) {
            redoPendingWithout(run, e, committed);
            throw e;
        } catch (IOException e) {
            redoPendingWithout(run, e, committed);
            throw new RetryLaterException("cannot read " + run.object.key() + ": " + e.getMessage(), e);
        } catch (ProducerFencedException e) {
            throw e; // nothing to abort: the transaction belongs to the instance that fenced this one
        } catch (KafkaException e) {
            abandon(e);
            throw new RetryLaterException("cannot publish " + run.object.key() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file of {@code run} failed inside the open transaction: aborts it, then publishes the files that shared it
     * again in a fresh one (their parsing is deterministic, so they come out the same).
     */
    private void redoPendingWithout(FileRun run, Exception cause, List<IngestOutcome> committed) throws RetryLaterException {
        List<Pending> redo = List.copyOf(pending);
        pending.clear();
        open = false;
        abort(cause);
        for (Pending again : redo) {
            committed.addAll(add(again.run.object, again.run.contentHash));
        }
        ensureOpen();
        LOG.debugf("%s failed in a shared transaction; %d files before it published again", run.object.key(), redo.size());
    }

    private void ensureOpen() {
        if (!open) {
            publisher.begin();
            open = true;
            transactionCandidates = 0;
            transactionStarted = System.nanoTime();
        }
    }

    private boolean isFull() {
        return transactionCandidates >= chunking.records() || (!chunking.maxDuration().isZero()
                && !chunking.maxDuration().isNegative()
                && System.nanoTime() - transactionStarted >= chunking.maxDuration().toNanos());
    }

    /** Commits the open transaction and hands its files' entries to the ledger. */
    private void commitOpen(List<IngestOutcome> committed) {
        publisher.commit();
        open = false;
        long now = System.nanoTime();
        for (Pending done : pending) {
            ledger.record(done.entry);
            IngestOutcome outcome = new IngestOutcome(done.entry, Duration.ofNanos(now - done.run.started),
                    done.run.chunks + 1, done.run.skip, done.run.resumedRecords);
            LOG.info(outcome.summary());
            committed.add(outcome);
        }
        pending.clear();
    }

    /** Kafka trouble: the open transaction and the files in it are given up; the next scan does them again. */
    private void abandon(KafkaException cause) {
        pending.clear();
        open = false;
        abort(cause);
    }

    /** Aborts the open transaction; when even that fails the producer is unusable and the caller must reconnect. */
    private void abort(Exception cause) {
        try {
            publisher.abort();
        } catch (KafkaException e) {
            e.addSuppressed(cause);
            throw e;
        }
    }

    @FunctionalInterface
    private interface Publication {
        FileLedgerEntry publish() throws IOException;
    }

    /** A file published in the open transaction, with the entry that transaction carries for it. */
    private record Pending(FileRun run, FileLedgerEntry entry) {
    }

    /** The state of one file's ingestion; it is also where the format hands its records. */
    private final class FileRun implements RecordSink {

        final BucketObject object;
        final String contentHash;
        final Instant startedAt;
        long started = System.nanoTime();
        /** Where files committed by a chunk commit inside this file are reported. */
        final List<IngestOutcome> committedOutcomes;
        final String ledgerKey;
        String format;
        int records;
        int rejections;
        int withoutAbstract;
        final List<String> firstErrors = new ArrayList<>();
        final ProgressLog progress;
        HashingInputStream reading;
        /** Candidates committed by an earlier run of these bytes (an IN_PROGRESS entry): they are not sent again. */
        final long skip;
        final int resumedRecords;
        /** Candidates handed over by the format so far, skipped ones included. */
        long seen;
        /** Chunks committed so far in this run; the last entry committed (IN_PROGRESS), or null. */
        int chunks;
        FileLedgerEntry committed;

        FileRun(BucketObject object, String contentHash, Instant startedAt, List<IngestOutcome> committedOutcomes) {
            this.committedOutcomes = committedOutcomes;
            this.object = object;
            this.contentHash = contentHash;
            this.startedAt = startedAt;
            this.ledgerKey = FileLedgerEntry.ledgerKey(bucket.name(), object.key());
            this.progress = new ProgressLog(object.key(), object.size(), progressInterval);
            FileLedgerEntry resumed = ledger.find(bucket.name(), object.key())
                    .filter(entry -> entry.status() == FileStatus.IN_PROGRESS)
                    .filter(entry -> entry.contentHash().equals(contentHash))
                    .orElse(null);
            if (resumed != null) {
                committed = resumed;
                records = resumed.records();
                rejections = resumed.rejections();
                withoutAbstract = resumed.withoutAbstract();
                firstErrors.addAll(resumed.firstErrors());
                skip = (long) resumed.records() + resumed.rejections();
                resumedRecords = resumed.records();
            } else {
                skip = 0;
                resumedRecords = 0;
            }
        }

        FileLedgerEntry publishRecords() throws IOException {
            if (skip > 0) {
                LOG.infof("%s: resuming after the %d record candidates (%d records, %d rejected) already committed",
                        object.key(), skip, records, rejections);
            }
            if (object.size() > limits.maxFileSize()) {
                throw new UnreadableFileException("the file is larger than the limit of " + limits.maxFileSize()
                        + " bytes (ingest.max-file-size)", null);
            }
            try (InputStream raw = bucket.open(object.key());
                 HashingInputStream hashing = new HashingInputStream(raw)) {
                reading = hashing;
                OpenedFile opened = detector.open(hashing, object.key(), limits);
                format = opened.formatName();
                opened.parse(this);
                hashing.transferTo(OutputStream.nullOutputStream()); // whatever a format left unread still counts
                // The ids above were derived from the hash taken before; they are only right for the same bytes.
                if (!hashing.hexDigest().equals(contentHash)) {
                    throw new IOException("the file changed while it was read");
                }
                FileLedgerEntry done = FileLedgerEntry.done(bucket.name(), object.key(), contentHash, hashing.count(),
                        format, records, rejections, firstErrors, clock.instant(), withoutAbstract);
                publisher.send(Topics.FILES, ledgerKey, done);
                return done;
            }
        }

        FileLedgerEntry publishFailure(UnreadableFileException problem) {
            Instant now = clock.instant();
            publisher.send(Topics.REJECTED, ledgerKey, new Rejection(null, bucket.name(), object.key(), contentHash,
                    null, problem.line(), problem.getMessage(), null, now));
            FileLedgerEntry failed;
            if (committed == null) {
                failed = FileLedgerEntry.failed(bucket.name(), object.key(), contentHash, object.size(), format, 0, 1,
                        List.of(problem.getMessage()), problem.getMessage(), now, 0);
            } else {
                // Earlier chunks are committed and stay so: the entry counts them, and says so.
                List<String> errors = new ArrayList<>();
                errors.add(problem.getMessage());
                committed.firstErrors().stream().limit(FIRST_ERRORS - 1).forEach(errors::add);
                failed = FileLedgerEntry.failed(bucket.name(), object.key(), contentHash, object.size(),
                        committed.format(), committed.records(), committed.rejections() + 1, errors,
                        problem.getMessage() + " (after " + committed.records() + " records committed in earlier chunks)",
                        now, committed.withoutAbstract());
            }
            publisher.send(Topics.FILES, ledgerKey, failed);
            return failed;
        }

        @Override
        public void accept(ParsedRecord record) {
            if (++seen <= skip) {
                progress.tick(records, rejections, reading == null ? 0 : reading.count());
                return; // committed by the run that was interrupted
            }
            String recordId = RecordIdentity.recordId(bucket.name(), object.key(), contentHash, record.ordinal());
            SourceRef source = new SourceRef(bucket.name(), object.key(), contentHash, format, record.ordinal(),
                    record.line(), record.sourceId());
            publisher.send(Topics.RAW, recordId, new RawRecord(null, recordId, source, startedAt, record.title(),
                    record.abstractText(), record.affiliations(), record.authors(), record.doi(), record.arxivId(),
                    record.year(), record.url(), record.venue(), record.pmid(), record.pmcid()));
            records++;
            if (record.abstractText() == null) {
                withoutAbstract++;
            }
            progress.tick(records, rejections, reading == null ? 0 : reading.count());
            endCandidate();
        }

        @Override
        public void reject(ParseRejection rejection) {
            if (++seen <= skip) {
                return;
            }
            publisher.send(Topics.REJECTED, ledgerKey, new Rejection(null, bucket.name(), object.key(), contentHash,
                    rejection.ordinal(), rejection.line(), rejection.reason(), rejection.excerpt(), clock.instant()));
            rejections++;
            if (firstErrors.size() < FIRST_ERRORS) {
                firstErrors.add("line " + rejection.line() + ": " + rejection.reason());
            }
            endCandidate();
        }

        /**
         * Commits the transaction when it is full or has been open long enough, with this file's IN_PROGRESS entry
         * (the files before it in the transaction are DONE in it), and opens the next one.
         */
        private void endCandidate() {
            transactionCandidates++;
            if (!isFull()) {
                return;
            }
            FileLedgerEntry progressEntry = FileLedgerEntry.inProgress(bucket.name(), object.key(), contentHash,
                    object.size(), format, records, rejections, firstErrors, clock.instant(), withoutAbstract);
            publisher.send(Topics.FILES, ledgerKey, progressEntry);
            commitOpen(committedOutcomes);
            committed = progressEntry;
            chunks++;
            ledger.record(progressEntry);
            LOG.debugf("%s: chunk %d committed, %d records and %d rejections so far", object.key(), chunks, records, rejections);
            ensureOpen();
        }
    }
}
