package io.abstractcatalog.catalog.search;

import io.abstractcatalog.contract.Identifiers;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One work in a result list: everything to show it, without its provenance (see GET /works/{id}). */
@Schema(name = "WorkSummary", description = "A work in a result list.")
public record WorkSummary(
        @Schema(description = "Stable id of the work.", examples = "w-3f2a9c0d1e4b5a6978c0d1e2")
        String workId,
        @Schema(description = "Title, when any member record had one.")
        String title,
        @Schema(description = "The abstract as given (LaTeX kept).")
        String abstractText,
        @Schema(description = "Institutions of the work's records, sorted.")
        List<String> affiliations,
        @Schema(description = "DOIs and arXiv ids of the work's records.")
        Identifiers identifiers,
        @Schema(description = "How many records (duplicates included) make up this work.")
        int memberCount,
        @Schema(description = "When the first record of the work was ingested.")
        Instant firstSeen,
        @Schema(description = "When the work last changed.")
        Instant updatedAt,
        @Schema(description = "Relevance to q, from 0 to 1 (higher is better); only present when q is given.")
        Float rank) {
}
