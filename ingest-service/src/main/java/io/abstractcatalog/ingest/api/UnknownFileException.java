package io.abstractcatalog.ingest.api;

/** The ledger has no entry for the asked key: the file was never seen, or has not settled yet. */
public class UnknownFileException extends RuntimeException {

    public UnknownFileException(String bucket, String key) {
        super("no file '" + key + "' in the ledger of bucket '" + bucket + "'");
    }
}
