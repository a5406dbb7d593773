package io.abstractcatalog.contract;

import java.time.Instant;
import java.util.List;

/**
 * A canonical work: the merge of every record that is the same paper.
 *
 * @param version monotonic per work; consumers ignore an event whose version is not newer than what they hold
 */
public record Work(String workId, long version, String title, String abstractText, List<String> affiliations,
                   Identifiers identifiers, List<WorkSource> sources, int memberCount, Instant firstSeen,
                   Instant updatedAt) {

    public Work {
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
        identifiers = identifiers == null ? Identifiers.NONE : identifiers;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
