package io.abstractcatalog.contract;

/**
 * One pair of member records the deduplicator found to be the same work, with the rule that decided and the evidence
 * it saw (dedup-service's {@code PairDecision}, plain fields so that a consumer needs nothing of the matcher). The
 * evidence is listed for {@code recordA}, the smaller record id, first.
 *
 * @param rule            the rule that joined the pair ({@code SAME_DOI}, {@code SIMILAR_ABSTRACT}, … dedup README)
 * @param identifier      the identifier both share ({@code doi}, {@code arxiv}, {@code pmid}, {@code pmcid}), or null
 * @param abstractJaccard estimated word-3-shingle Jaccard of the abstracts; null when either is too short to compare
 * @param containment     estimated share of the smaller abstract's shingles inside the larger one; null as above
 * @param sameOpening     whether both abstracts begin with the same words
 * @param titleRelation   {@code EQUAL}, {@code PREFIX}, {@code SUFFIX}, {@code SIMILAR}, {@code ABSENT}, …
 * @param titleGeneric    whether a title is too short or generic to count on its own ("Editorial")
 * @param sharedAuthors   authors on both records, of {@code authorsA} and {@code authorsB} listed
 * @param sameVenue       whether both venues fold to the same words; null when a record has none
 * @param matcherVersion  the matcher version that decided (decisions of other versions may differ)
 */
public record WorkMatch(String recordA, String recordB, String rule, String identifier, Double abstractJaccard,
                        Double containment, boolean sameOpening, String titleRelation, boolean titleGeneric,
                        int sharedAuthors, int authorsA, int authorsB, Integer yearA, Integer yearB, Boolean sameVenue,
                        int matcherVersion) {
}
