package io.abstractcatalog.catalog.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of GET /works. */
@Schema(name = "WorkPage", description = "A page of works, and facet counts when group_by asked for them.")
public record WorkPage(
        @Schema(description = "The works of this page, in the requested order.")
        List<WorkSummary> items,
        @Schema(description = "Pass as cursor (with the same q, filters and sort) to get the next page; null on the "
                + "last page.", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) // present as null, so clients can test for the last page
        String nextCursor,
        @Schema(description = "Only with group_by: for each requested facet, its most frequent values (at most 20, "
                + "most works first; year newest first) over all works matching q and the filters (the newest groupsWindow of "
                + "them when that is present), not just this page.",
                examples = "{\"affiliation\":[{\"key\":\"The University of Tokyo\",\"count\":42}]}")
        Map<String, List<GroupCount>> groups,
        @Schema(description = "Only with sort=relevance, and only when more works match than are ranked: relevance "
                + "is computed over this many matching works, the most recently updated ones (configured by "
                + "catalog.search.rank-window), plus for a q of three or more plain words up to as many older works "
                + "whose title holds them in a row; paging ends after them. Absent when every match was ranked. "
                + "To reach every match, narrow q or the filters, or sort by -updated.", examples = "1000",
                nullable = true)
        Integer rankWindow,
        @Schema(description = "Only with group_by, and only when more works match than are counted: the counts in "
                + "groups cover this many matching works, the most recently updated ones (configured by "
                + "catalog.search.facet-window). Absent when the counts cover every match.", examples = "1000",
                nullable = true)
        Integer groupsWindow) {
}
