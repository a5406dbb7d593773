package io.abstractcatalog.catalog.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of GET /works. */
@Schema(name = "WorkPage", description = "A page of works.")
public record WorkPage(
        @Schema(description = "The works of this page, best match (or newest) first.")
        List<WorkSummary> items,
        @Schema(description = "Pass as cursor to get the next page; null on the last page.", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) // present as null, so clients can test for the last page
        String nextCursor) {
}
