package io.abstractcatalog.ingest.format;

/**
 * Receives what a format finds, as it finds it: records are published while the file is still being read, so
 * nothing of the file needs to sit in memory.
 */
public interface RecordSink {

    void accept(ParsedRecord record);

    void reject(ParseRejection rejection);
}
