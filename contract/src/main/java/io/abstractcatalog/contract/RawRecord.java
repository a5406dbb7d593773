package io.abstractcatalog.contract;

import java.time.Instant;
import java.util.List;

/** One abstract as found in one file, before any normalization. Topic {@link Topics#RAW}, key {@link #recordId}. */
public record RawRecord(String schema, String recordId, SourceRef source, Instant ingestedAt, String title,
                        String abstractText, List<String> affiliations, List<String> authors, String doi,
                        String arxivId, Integer year, String url) {

    public static final String SCHEMA = "raw-record/1";

    public RawRecord {
        schema = schema == null ? SCHEMA : schema;
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
