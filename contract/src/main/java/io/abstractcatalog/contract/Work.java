package io.abstractcatalog.contract;

import java.time.Instant;
import java.util.List;

/**
 * A canonical work: the merge of every record that is the same paper (the rules: dedup-service's {@code WorkMerger}
 * and the README's "Merge rules"). Schema 2 of {@link WorkEvent} added {@code authors}, {@code year}, {@code venue},
 * {@code url} and the PubMed identifiers; in a schema-1 event they are absent (empty or null). Schema 3 added
 * {@code matches}; null in an event of an older schema (the producer did not say why its records are one work).
 *
 * @param version      monotonic per work; consumers ignore an event whose version is not newer than what they hold
 * @param abstractText the abstract of a member that has one; null (absent in JSON) when no member has any
 * @param year         the publication year, when a member record gives a credible one
 * @param matches      the pairs of members the matcher accepted; null in events before schema 3
 */
public record Work(String workId, long version, String title, String abstractText, List<String> affiliations,
                   Identifiers identifiers, List<WorkSource> sources, int memberCount, Instant firstSeen,
                   Instant updatedAt, List<Author> authors, Integer year, String venue, String url,
                   WorkMatches matches) {

    public Work {
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
        identifiers = identifiers == null ? Identifiers.NONE : identifiers;
        sources = sources == null ? List.of() : List.copyOf(sources);
        authors = authors == null ? List.of() : authors.stream().filter(a -> a != null && a.name() != null).toList();
    }

    /** A work as schema 2 had it: no word on its matches. */
    public Work(String workId, long version, String title, String abstractText, List<String> affiliations,
                Identifiers identifiers, List<WorkSource> sources, int memberCount, Instant firstSeen, Instant updatedAt,
                List<Author> authors, Integer year, String venue, String url) {
        this(workId, version, title, abstractText, affiliations, identifiers, sources, memberCount, firstSeen,
                updatedAt, authors, year, venue, url, null);
    }
}
