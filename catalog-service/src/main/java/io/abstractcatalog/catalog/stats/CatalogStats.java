package io.abstractcatalog.catalog.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the catalog holds, in numbers. */
@Schema(name = "Stats", description = "Counts over the whole catalog.")
public record CatalogStats(
        @Schema(description = "Works (after de-duplication).")
        long works,
        @Schema(description = "Member records of all works (before de-duplication).")
        long records,
        @Schema(description = "Works made of more than one record, i.e. where duplicates were found.")
        long worksWithDuplicates,
        @Schema(description = "Distinct files (bucket and key) the records came from.")
        long files,
        @Schema(description = "Distinct affiliations, ignoring case.")
        long affiliations,
        @Schema(description = "Work ids merged into another work.")
        long redirects,
        @Schema(description = "Latest update time of any work; null while the catalog is empty.", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS)
        Instant lastUpdated) {
}
