package io.abstractcatalog.dedup.match;

/**
 * Why two records are, or are not, one work: the rule that decided and the evidence it saw. Immutable and plain
 * (strings, numbers, enums by name), so it can be published as JSON as it is.
 *
 * @param merged           whether the pair is one work
 * @param rule             the rule that decided ({@link PairMatcher.Rule})
 * @param identifier       the identifier the pair shares or conflicts on ({@code doi}, {@code arxiv}, {@code pmid},
 *                         {@code pmcid}), or null
 * @param abstractJaccard  estimated word-3-shingle Jaccard of the abstracts, or null when either is too short
 * @param containment      estimated share of the smaller shingle set inside the larger, or null as above
 * @param sameOpening      whether both abstracts begin with the same words
 * @param titleRelation    how the titles relate ({@link TitleRelation})
 * @param titleGeneric     whether either title is too short or generic to count on its own ("Editorial")
 * @param sharedAuthors    authors present on both sides ({@link AuthorKeys#shared})
 * @param authorsA         authors listed on the first record (record ids in ascending order)
 * @param authorsB         authors listed on the second record
 * @param yearA            year of the first record, or null
 * @param yearB            year of the second record, or null
 * @param sameVenue        whether both have a venue and it folds to the same words; null when either has none
 * @param matcherVersion   {@link PairMatcher#VERSION}: decisions of different versions may differ
 */
public record PairDecision(boolean merged, PairMatcher.Rule rule, String identifier, Double abstractJaccard,
                           Double containment, boolean sameOpening, TitleRelation titleRelation, boolean titleGeneric,
                           int sharedAuthors, int authorsA, int authorsB, Integer yearA, Integer yearB, Boolean sameVenue,
                           int matcherVersion) {

    @Override
    public String toString() {
        return (merged ? "MERGED " : "apart ") + rule + (identifier == null ? "" : " " + identifier)
                + (abstractJaccard == null ? "" : String.format(" J=%.2f C=%.2f", abstractJaccard, containment))
                + (sameOpening ? " same-opening" : "") + " title=" + titleRelation + (titleGeneric ? "(generic)" : "")
                + " authors " + sharedAuthors + " of " + authorsA + "/" + authorsB + " years " + yearA + "/" + yearB
                + (sameVenue == null ? "" : sameVenue ? " same venue" : " other venue");
    }
}
