package io.abstractcatalog.catalog.work;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the matcher saw of a pair of records: the values of {@code WorkMatch}, "A" being the smaller record id. */
@Schema(name = "MatchEvidence", description = "The evidence the matcher saw; A is the record with the smaller id.")
public record MatchEvidence(
        @Schema(description = "The identifier both records share (doi, arxiv, pmid, pmcid), if one decided.", nullable = true)
        String identifier,
        @Schema(description = "Estimated Jaccard similarity of the abstracts' word triples (MinHash); null when an "
                + "abstract is missing or too short to compare.", nullable = true, examples = "0.83")
        Double abstractJaccard,
        @Schema(description = "Estimated share of the shorter abstract's word triples inside the longer one.",
                nullable = true, examples = "0.95")
        Double containment,
        @Schema(description = "Whether both abstracts begin with the same words.")
        boolean sameOpening,
        @Schema(description = "How the titles relate.", enumeration = {"EQUAL", "PREFIX", "SUFFIX", "SIMILAR", "ABSENT",
                "DIFFERENT", "NUMBERS_DIFFER", "CONFLICT"})
        String titleRelation,
        @Schema(description = "Whether a title is too short or generic (\"Editorial\") to count on its own.")
        boolean titleGeneric,
        @Schema(description = "Authors found on both records.", examples = "3")
        int sharedAuthors,
        @Schema(description = "Authors listed on record A.", examples = "4")
        int authorsA,
        @Schema(description = "Authors listed on record B.", examples = "3")
        int authorsB,
        @Schema(description = "Publication year on record A.", nullable = true, examples = "2019")
        Integer yearA,
        @Schema(description = "Publication year on record B.", nullable = true, examples = "2020")
        Integer yearB,
        @Schema(description = "Whether both venues fold to the same words; null when a record has none.", nullable = true)
        Boolean sameVenue) {
}
