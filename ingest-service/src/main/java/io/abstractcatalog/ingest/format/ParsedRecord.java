package io.abstractcatalog.ingest.format;

import io.abstractcatalog.contract.Author;
import java.util.List;

/**
 * One record as a format found it, before it gets its identity and provenance.
 *
 * @param ordinal  0-based position among the file's record candidates (rejected ones included, so an ordinal
 *                 always points at the same place in the same bytes)
 * @param line     1-based line where the record starts
 * @param sourceId the record's own id in the source (a BibTeX key, an arXiv id, an {@code id} column), when it has one
 * @param doi      identifiers as {@link io.abstractcatalog.contract.Identifiers} normalizes them (also arxivId, pmid, pmcid)
 */
public record ParsedRecord(int ordinal, int line, String title, String abstractText, List<String> affiliations,
                           List<Author> authors, String doi, String arxivId, Integer year, String url,
                           String sourceId, String venue, String pmid, String pmcid) {

    public ParsedRecord {
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** A record of the page formats, which only know a title, an abstract and affiliations. */
    public ParsedRecord(int ordinal, int line, String title, String abstractText, List<String> affiliations) {
        this(ordinal, line, title, abstractText, affiliations, List.of(), null, null, null, null, null, null, null, null);
    }
}
