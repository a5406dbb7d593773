package io.abstractcatalog.contract;

import java.time.Instant;

/** One member record of a work: its id, where it was seen and when it was ingested. */
public record WorkSource(String recordId, SourceRef source, Instant ingestedAt) {
}
