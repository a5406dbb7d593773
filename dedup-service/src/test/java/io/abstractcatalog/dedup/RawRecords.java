package io.abstractcatalog.dedup;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.RecordIdentity;
import io.abstractcatalog.contract.SourceRef;
import java.time.Instant;
import java.util.List;

/** Raw records as ingest-service would publish them, for tests. */
public final class RawRecords {

    private RawRecords() {
    }

    public static RawRecord record(String file, int ordinal, String title, String abstractText, String... affiliations) {
        String hash = RecordIdentity.sha256Hex(file);
        return new RawRecord(null, RecordIdentity.recordId("local", file, hash, ordinal),
                new SourceRef("local", file, hash, "affiliation-page", ordinal, ordinal + 2, null),
                Instant.parse("2026-11-23T10:00:00Z").plusSeconds(ordinal), title, abstractText,
                List.of(affiliations), List.of(), null, null, null, null, null, null, null);
    }

    /** {@code base} with its bibliographic fields set (null leaves a field empty); authors as one string each. */
    public static RawRecord withBibliography(RawRecord base, List<String> authors, Integer year, String venue,
                                             String doi, String arxivId, String pmid) {
        return new RawRecord(null, base.recordId(), base.source(), base.ingestedAt(), base.title(), base.abstractText(),
                base.affiliations(), authors == null ? List.of() : authors.stream().map(Author::parse).toList(), doi,
                arxivId, year, base.url(), venue, pmid, base.pmcid());
    }
}
