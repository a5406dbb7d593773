package io.abstractcatalog.catalog.work;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One pair of a work's records that the deduplicator found to be the same work, and why. */
@Schema(name = "Match", description = "A pair of the work's records the matcher accepted, with the rule and evidence.")
public record MatchView(
        @Schema(description = "The record with the smaller id.")
        String recordA,
        @Schema(description = "The other record.")
        String recordB,
        @Schema(description = "Where record A was found (null if it is no longer a member).", nullable = true)
        SourceView sourceA,
        @Schema(description = "Where record B was found.", nullable = true)
        SourceView sourceB,
        @Schema(description = "The rule that joined them (dedup-service README, \"Matching\").",
                examples = "SAME_TITLE_AUTHORS")
        String rule,
        @Schema(description = "The rule in plain words.")
        String reason,
        @Schema(description = "The evidence in plain words, one line each.")
        List<String> explanation,
        MatchEvidence evidence,
        @Schema(description = "Version of the matcher that decided; another version may decide differently.",
                examples = "2")
        int matcherVersion) {
}
