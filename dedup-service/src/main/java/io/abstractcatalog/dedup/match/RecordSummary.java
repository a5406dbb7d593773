package io.abstractcatalog.dedup.match;

import io.abstractcatalog.contract.RecordIdentity;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What matching needs of one record, and nothing else: compared by {@link PairMatcher} as a pure function of a pair.
 * Kept in the cluster step's node store (JSON): fields added later read as null / empty from older entries.
 *
 * @param doi              the DOI ({@link Ids#doi}: never an arXiv DOI), or null
 * @param titleKey         guarded title key ({@link TitleKey}), or null
 * @param titleWords       all words of the title ({@link TitleKey#words}), or null: for title relations
 * @param fingerprint      exact fingerprint of the normalized abstract, or null when it is too short to be evidence
 * @param shingles         number of distinct shingles of the abstract (0 without abstract)
 * @param signature        compact MinHash signature of the abstract's shingles (16 bits per value); empty when
 *                         the abstract is too short to compare
 * @param authors          author keys ({@link AuthorKeys}: {@code family} or {@code family initial}), source order
 * @param authorsTruncated whether the source cut the author list ("et al.")
 * @param venue            the folded venue, or null (evidence shown, never decisive)
 * @param opening          hash of the abstract's first {@code openingTokens} words, or null when it is shorter
 */
public record RecordSummary(String recordId, String doi, String arxiv, Integer year, String titleKey,
                            String titleWords, String fingerprint, int shingles, byte[] signature, String pmid,
                            String pmcid, List<String> authors, boolean authorsTruncated, String venue, String opening) {

    public RecordSummary {
        signature = signature == null ? new byte[0] : signature;
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    public boolean comparable() {
        return signature.length > 0;
    }

    /** A short stable hash of the title key, for block keys (the key itself may be long). */
    public String titleHash() {
        return titleKey == null ? null : RecordIdentity.sha256Hex(titleKey).substring(0, 24);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordSummary s && recordId.equals(s.recordId) && Objects.equals(doi, s.doi)
                && Objects.equals(arxiv, s.arxiv) && Objects.equals(year, s.year) && Objects.equals(titleKey, s.titleKey)
                && Objects.equals(titleWords, s.titleWords)
                && Objects.equals(fingerprint, s.fingerprint) && shingles == s.shingles && Arrays.equals(signature, s.signature)
                && Objects.equals(pmid, s.pmid) && Objects.equals(pmcid, s.pmcid) && authors.equals(s.authors)
                && authorsTruncated == s.authorsTruncated && Objects.equals(venue, s.venue) && Objects.equals(opening, s.opening);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordId, doi, arxiv, year, titleKey, titleWords, fingerprint, shingles, Arrays.hashCode(signature),
                pmid, pmcid, authors, authorsTruncated, venue, opening);
    }

    @Override
    public String toString() {
        return "RecordSummary[" + recordId + ", doi=" + doi + ", arxiv=" + arxiv + ", pmid=" + pmid + ", year=" + year
                + ", title=" + titleKey + ", authors=" + authors + (authorsTruncated ? " et al." : "") + ", shingles="
                + shingles + "]";
    }
}
