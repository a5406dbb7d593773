package io.abstractcatalog.ingest.scan;

import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.contract.FileStatus;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files a user asked to try once more ({@code POST /files/{key}/retry}). A FAILED file is normally skipped until its
 * bytes change, since the same bytes fail the same way; a retry forces exactly one more attempt at the bytes that
 * failed (after a limit was raised, a bug fixed, a passing cause gone). Held in memory: a restart forgets pending
 * requests, and the user asks again.
 */
@Singleton
public class RetryRequests {

    /** Ledger key → the content hash of the FAILED entry the request is about. */
    private final Map<String, String> requested = new ConcurrentHashMap<>();

    /** Asks for one more attempt at a FAILED file; false when the entry is not FAILED. */
    public boolean request(FileLedgerEntry failed) {
        if (failed.status() != FileStatus.FAILED) {
            return false;
        }
        requested.put(failed.ledgerKey(), failed.contentHash());
        return true;
    }

    public boolean isPending(String ledgerKey) {
        return requested.containsKey(ledgerKey);
    }

    /** The content hash of the FAILED bytes to try again, or null when no retry is pending for the file. */
    String pending(String ledgerKey) {
        return requested.get(ledgerKey);
    }

    /** The attempt was made (whatever came of it), or the request no longer applies; a newer request stays. */
    void done(String ledgerKey, String contentHash) {
        requested.remove(ledgerKey, contentHash);
    }
}
