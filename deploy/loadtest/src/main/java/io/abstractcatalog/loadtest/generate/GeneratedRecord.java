package io.abstractcatalog.loadtest.generate;

import java.util.List;

/**
 * One record as written to a file. {@code work} is the index of the work it belongs to: the catalog should end up
 * with exactly one work per distinct index.
 */
public record GeneratedRecord(String id, int work, Kind kind, String title, String abstractText, List<String> authors,
                              String affiliation, int year) {

    public enum Kind { ORIGINAL, EXACT_COPY, NEAR_COPY }
}
