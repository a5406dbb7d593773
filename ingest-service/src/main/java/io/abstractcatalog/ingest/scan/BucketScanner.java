package io.abstractcatalog.ingest.scan;

import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.ingest.bucket.Bucket;
import io.abstractcatalog.ingest.bucket.BucketObject;
import io.abstractcatalog.ingest.bucket.HashingInputStream;
import io.abstractcatalog.ingest.ledger.FileLedger;
import io.abstractcatalog.ingest.publish.FileIngestor;
import io.abstractcatalog.ingest.publish.IngestOutcome;
import io.abstractcatalog.ingest.publish.RetryLaterException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * One pass over the bucket: every settled file whose bytes the ledger has not seen settle is ingested, one at a
 * time, in key order. A file that fails for a passing reason is left for the next pass and does not hold back the
 * files after it.
 */
public final class BucketScanner {

    private static final Logger LOG = Logger.getLogger(BucketScanner.class);

    private final Bucket bucket;
    private final FileLedger ledger;
    private final FileIngestor ingestor;
    private final Duration settleTime;
    private final Clock clock;
    private final RetryRequests retries;
    /**
     * Hashes by key, valid while size, modification time and ETag (when the store has one) stay the same: a rescan
     * does not re-read every file. Only a cache: whether a file is new is decided by its hash and the ledger.
     */
    private final Map<String, KnownContent> hashes = new HashMap<>();
    /** The last passing problem logged per key, so a file that keeps failing the same way warns once, not every scan. */
    private final Map<String, String> lastProblem = new HashMap<>();

    /**
     * @param settleTime how long a file must have been left alone before it is read: a file still being copied
     *                   in would otherwise be ingested half-written
     */
    public BucketScanner(Bucket bucket, FileLedger ledger, FileIngestor ingestor, Duration settleTime, Clock clock) {
        this(bucket, ledger, ingestor, settleTime, clock, new RetryRequests());
    }

    /** @param retries FAILED files a user asked to try once more, although their bytes did not change */
    public BucketScanner(Bucket bucket, FileLedger ledger, FileIngestor ingestor, Duration settleTime, Clock clock,
                         RetryRequests retries) {
        this.retries = retries;
        this.bucket = bucket;
        this.ledger = ledger;
        this.ingestor = ingestor;
        this.settleTime = settleTime;
        this.clock = clock;
    }

    /** Files that are not (yet) dropped files: hidden ones and the temporary names of uploads in flight. */
    public static boolean isIgnored(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return name.endsWith(".part") || name.endsWith(".tmp")
                || Arrays.stream(key.split("/")).anyMatch(segment -> segment.startsWith("."));
    }

    /** Scans once and returns what was ingested (DONE or FAILED), in the order it happened. */
    public List<IngestOutcome> scan() throws IOException {
        Instant now = clock.instant();
        List<BucketObject> objects = bucket.list();
        forgetVanished(objects);
        List<IngestOutcome> outcomes = new ArrayList<>();
        Map<String, String> retried = new HashMap<>();
        for (BucketObject object : objects) {
            if (Thread.currentThread().isInterrupted()) {
                break; // shutting down: the rest waits for the next start
            }
            if (isIgnored(object.key()) || !isSettled(object, now)) {
                continue;
            }
            try {
                String contentHash = hashOf(object);
                String ledgerKey = FileLedgerEntry.ledgerKey(bucket.name(), object.key());
                String retryOf = retries.pending(ledgerKey); // the hash of the FAILED bytes a user asked to retry
                if (!ledger.hasSettled(bucket.name(), object.key(), contentHash) || contentHash.equals(retryOf)) {
                    outcomes.addAll(ingestor.add(object, contentHash));
                }
                if (retryOf != null) {
                    retried.put(ledgerKey, retryOf); // attempted, or the bytes changed since (then new bytes: ingested)
                }
                lastProblem.remove(object.key());
            } catch (NoSuchFileException e) {
                LOG.debugf("%s disappeared before it was read", object.key());
            } catch (IOException | RetryLaterException e) {
                reportOnce(object.key(), e.getMessage());
            }
        }
        try {
            outcomes.addAll(ingestor.commitPending()); // small files share transactions: the last one is still open
            retried.forEach(retries::done);
        } catch (RetryLaterException e) {
            LOG.warnf("the files of the last transaction will be tried again on the next scan: %s", e.getMessage());
        }
        return outcomes;
    }

    private boolean isSettled(BucketObject object, Instant now) {
        return bucket.objectsAppearWhole() || !object.lastModified().plus(settleTime).isAfter(now);
    }

    private String hashOf(BucketObject object) throws IOException {
        KnownContent known = hashes.get(object.key());
        if (known != null && known.size() == object.size() && known.lastModified().equals(object.lastModified())
                && Objects.equals(known.etag(), object.etag())) {
            return known.contentHash();
        }
        String contentHash = HashingInputStream.readFully(bucket.open(object.key())).hexDigest();
        hashes.put(object.key(), new KnownContent(object.size(), object.lastModified(), object.etag(), contentHash));
        return contentHash;
    }

    private void forgetVanished(List<BucketObject> objects) {
        Set<String> present = objects.stream().map(BucketObject::key).collect(Collectors.toSet());
        hashes.keySet().retainAll(present);
        lastProblem.keySet().retainAll(present);
    }

    private void reportOnce(String key, String problem) {
        if (!problem.equals(lastProblem.put(key, problem))) {
            LOG.warnf("%s will be tried again on the next scan: %s", key, problem);
        }
    }

    private record KnownContent(long size, Instant lastModified, String etag, String contentHash) {
    }
}
