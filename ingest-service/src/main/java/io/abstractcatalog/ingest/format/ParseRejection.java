package io.abstractcatalog.ingest.format;

/**
 * A record candidate that was not accepted; the rest of the file goes on.
 *
 * @param ordinal the candidate's 0-based position, as for {@link ParsedRecord#ordinal()}
 * @param line    1-based line of the problem
 * @param excerpt the start of the offending line, to recognise it without opening the file
 */
public record ParseRejection(int ordinal, int line, String reason, String excerpt) {
}
