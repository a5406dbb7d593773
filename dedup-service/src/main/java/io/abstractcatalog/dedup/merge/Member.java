package io.abstractcatalog.dedup.merge;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.Identifiers;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.SourceRef;
import io.abstractcatalog.dedup.normalize.NormalizedRecord;
import java.time.Instant;
import java.util.List;

/**
 * What a work keeps of each member record: enough to rebuild the work from its members alone. Identifiers are
 * kept as {@link Identifiers} normalizes them, so members stored before a normalizer change merge the same way.
 */
public record Member(String recordId, SourceRef source, Instant ingestedAt, String title, String abstractText,
                     String normalizedTitle, String normalizedAbstract, List<String> affiliations, String doi,
                     String arxivId, List<Author> authors, Integer year, String venue, String url, String pmid,
                     String pmcid) {

    public Member {
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    public static Member of(NormalizedRecord record) {
        RawRecord raw = record.raw();
        String doi = Identifiers.normalizeDoi(raw.doi());
        String arxivId = Identifiers.normalizeArxiv(raw.arxivId());
        if (Identifiers.isArxivDoi(doi)) {
            arxivId = arxivId != null ? arxivId : Identifiers.normalizeArxiv(doi);
            doi = null; // arXiv's DOI names the preprint, which the arXiv id already does
        }
        return new Member(raw.recordId(), raw.source(), raw.ingestedAt(), raw.title(), raw.abstractText(),
                record.normalizedTitle(), record.normalizedAbstract(), raw.affiliations(), doi, arxivId,
                raw.authors(), raw.year(), raw.venue(), raw.url(), Identifiers.normalizePmid(raw.pmid()),
                Identifiers.normalizePmcid(raw.pmcid()));
    }
}
