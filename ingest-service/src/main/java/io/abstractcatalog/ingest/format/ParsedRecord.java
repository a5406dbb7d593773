package io.abstractcatalog.ingest.format;

import java.util.List;

/**
 * One record as a format found it, before it gets its identity and provenance.
 *
 * @param ordinal 0-based position among the file's record candidates (rejected ones included, so an ordinal
 *                always points at the same place in the same bytes)
 * @param line    1-based line where the record starts
 */
public record ParsedRecord(int ordinal, int line, String title, String abstractText, List<String> affiliations) {

    public ParsedRecord {
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
    }
}
