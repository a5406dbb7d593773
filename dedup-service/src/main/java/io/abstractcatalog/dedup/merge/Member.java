package io.abstractcatalog.dedup.merge;

import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.SourceRef;
import io.abstractcatalog.dedup.normalize.NormalizedRecord;
import java.time.Instant;
import java.util.List;

/** What a work keeps of each member record: enough to rebuild the work from its members alone. */
public record Member(String recordId, SourceRef source, Instant ingestedAt, String title, String abstractText,
                     String normalizedTitle, String normalizedAbstract, List<String> affiliations, String doi,
                     String arxivId) {

    public Member {
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
    }

    public static Member of(NormalizedRecord record) {
        RawRecord raw = record.raw();
        return new Member(raw.recordId(), raw.source(), raw.ingestedAt(), raw.title(), raw.abstractText(),
                record.normalizedTitle(), record.normalizedAbstract(), raw.affiliations(), raw.doi(), raw.arxivId());
    }
}
