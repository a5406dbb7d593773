package io.abstractcatalog.contract;

import java.time.Instant;
import java.util.List;

/**
 * One record as found in one file: its text as given, its identifiers as {@link Identifiers} spells them.
 * Topic {@link Topics#RAW}, key {@link #recordId}.
 * Schema 2 added {@code venue}, {@code pmid}, {@code pmcid} and structured {@link Author}s; a schema-1 event (authors
 * as plain strings, no venue) still reads: its authors are parsed from their strings, the new fields are null.
 *
 * @param abstractText the abstract; null (absent in JSON) for a bibliographic record that has none, which ingest
 *                     only publishes with a title and authors or an identifier
 * @param year         the publication year the source gives
 * @param venue        the journal, proceedings or other container the record appeared in
 * @param doi          the DOI as {@link Identifiers#normalizeDoi} spells it (and likewise the other identifiers)
 */
public record RawRecord(String schema, String recordId, SourceRef source, Instant ingestedAt, String title,
                        String abstractText, List<String> affiliations, List<Author> authors, String doi,
                        String arxivId, Integer year, String url, String venue, String pmid, String pmcid) {

    public static final String SCHEMA = "raw-record/2";

    public RawRecord {
        schema = schema == null ? SCHEMA : schema;
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
        authors = authors == null ? List.of() : authors.stream().filter(a -> a != null && a.name() != null).toList();
    }
}
