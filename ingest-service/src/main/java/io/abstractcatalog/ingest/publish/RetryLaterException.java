package io.abstractcatalog.ingest.publish;

/**
 * A file could not be ingested for a reason outside its bytes (it vanished, changed while being read, Kafka did
 * not answer). Nothing of it was committed; the next scan tries again. Not a FAILED file: that is for content.
 */
public class RetryLaterException extends Exception {

    public RetryLaterException(String message, Throwable cause) {
        super(message, cause);
    }
}
