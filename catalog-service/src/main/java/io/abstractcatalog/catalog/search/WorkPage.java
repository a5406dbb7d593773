package io.abstractcatalog.catalog.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.abstractcatalog.contract.http.ListMeta;
import io.abstractcatalog.contract.http.Listing;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of GET /works: the list envelope ({@link Listing}'s meta and results) and the search's own members. */
@Schema(name = "WorkPage", description = "A page of works (the list envelope: meta and results), and facet counts "
        + "when group_by asked for them.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkPage(
        @Schema(description = "How many works match in all (exact when the search saw every match or at most a "
                + "thousand match, else PostgreSQL's estimate: see countKind), the page size and the next page's "
                + "cursor.")
        ListMeta meta,
        @Schema(description = "The works of this page, in the requested order.")
        List<WorkSummary> results,
        @Schema(description = "Only with group_by: for each requested facet, a list (meta and results) of its most "
                + "frequent values (at most " + FacetQuery.GROUP_SIZE + ", most works first; year newest first) over "
                + "all works matching q and the filters (the newest groupsWindow of them when that is present), not "
                + "just this page; its meta.count is how many distinct values there are.",
                examples = "{\"affiliation\":{\"meta\":{\"count\":1,\"countKind\":\"exact\",\"perPage\":20,"
                        + "\"nextCursor\":null},\"results\":[{\"key\":\"The University of Tokyo\",\"count\":42}]}}")
        Map<String, Listing<GroupCount>> groups,
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

    /** The page's next cursor, or null on the last page. */
    public String nextCursor() {
        return meta.nextCursor();
    }
}
