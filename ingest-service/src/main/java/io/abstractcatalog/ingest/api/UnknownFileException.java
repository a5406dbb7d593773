package io.abstractcatalog.ingest.api;

import io.abstractcatalog.contract.http.ProblemException;
import io.abstractcatalog.contract.http.ProblemType;

/** The ledger has no entry for the asked key: the file was never seen, or has not settled yet. */
public class UnknownFileException extends ProblemException {

    public UnknownFileException(String bucket, String key) {
        super(ProblemType.FILE_NOT_FOUND, "no file '" + key + "' in the ledger of bucket '" + bucket + "'; GET /files "
                + "lists the files it knows (a file dropped a moment ago appears once it has settled)");
    }
}
