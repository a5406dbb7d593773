package io.abstractcatalog.catalog.work;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.Identifiers;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A work with its version and every member record's provenance. */
@Schema(name = "Work", description = "A work with its provenance.")
public record WorkDetail(
        @Schema(description = "Stable id of the work.")
        String workId,
        @Schema(description = "Version of the work; grows each time the work changes.")
        long version,
        @Schema(description = "Title, when any member record had one.")
        String title,
        @Schema(description = "The abstract as given (LaTeX kept); absent when no record of the work has one.")
        String abstractText,
        @Schema(description = "Whether any record of the work has an abstract; false for a work known only from "
                + "bibliographic entries without one.")
        boolean hasAbstract,
        @Schema(description = "Authors in the order of the work's fullest author list (see the README's merge rules).")
        List<Author> authors,
        @Schema(description = "Publication year; absent when no record gives one and the work has no arXiv id.")
        Integer year,
        @Schema(description = "Journal, proceedings or other venue.")
        String venue,
        @Schema(description = "A link to the work as a source gave it.")
        String url,
        @Schema(description = "Institutions of the work's records, sorted.")
        List<String> affiliations,
        @Schema(description = "DOIs, arXiv ids, PubMed ids and PubMed Central ids of the work's records.")
        Identifiers identifiers,
        @Schema(description = "How many records (duplicates included) make up this work.")
        int memberCount,
        @Schema(description = "When the first record of the work was ingested.")
        Instant firstSeen,
        @Schema(description = "When the work last changed.")
        Instant updatedAt,
        @Schema(description = "Every member record, by file and position.")
        List<SourceView> sources) {
}
