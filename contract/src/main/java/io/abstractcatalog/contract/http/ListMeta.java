package io.abstractcatalog.contract.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What every list answer says about itself, in its {@code meta}: how many items the whole list has, whether that
 * number was counted or estimated, how many one page holds, and where the next page starts.
 */
@Schema(name = "ListMeta", description = "About the whole list: its size, the page size and the next page.")
public record ListMeta(
        @Schema(description = "How many items the whole list has (all pages); see countKind.", examples = "302")
        long count,
        @Schema(description = "exact: counted. estimate: PostgreSQL's planner estimate, given when counting would "
                + "cost more than the page itself (more than a thousand matches).", examples = "exact")
        CountKind countKind,
        @Schema(description = "The most items one page holds (the limit; for a list answered whole, its size).",
                examples = "20")
        int perPage,
        @Schema(description = "Pass as cursor (with the same parameters) for the next page; null on the last page and "
                + "for lists answered whole. cursor=* asks for the first page.", nullable = true)
        @JsonInclude(JsonInclude.Include.ALWAYS) // present as null, so clients can test for the last page
        String nextCursor) {

    /** Whether {@link ListMeta#count()} was counted or estimated. */
    @Schema(name = "CountKind", enumeration = {"exact", "estimate"})
    public enum CountKind {
        EXACT, ESTIMATE;

        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The meta of a list answered whole: every item on one page. */
    public static ListMeta whole(int size) {
        return new ListMeta(size, CountKind.EXACT, size, null);
    }
}
