package io.abstractcatalog.dedup.match;

/**
 * Decides whether two records are the same work: a pure function of the pair (and the configuration), so the
 * decision never depends on which record came first or which block brought them together.
 * Rules, first that applies wins:
 * <ol>
 *   <li>conflicting DOIs, or conflicting arXiv ids, veto;</li>
 *   <li>the same DOI or arXiv id matches;</li>
 *   <li>two titles of at least {@code minTitleTokens} words that share less than {@code titleConflictThreshold}
 *       of their words veto (one abstract printed under two papers' titles, a translated record);</li>
 *   <li>the same exact fingerprint (abstract of at least {@code minExactTokens} words) matches;</li>
 *   <li>two comparable abstracts (at least {@code minShingles} shingles) match when their estimated shingle
 *       Jaccard reaches {@code jaccardThreshold}, or the shorter lies inside the longer
 *       ({@code containmentThreshold}, for truncated abstracts and dropped sentences), or — with the same guarded
 *       title — when the Jaccard reaches the lower {@code titleJaccardThreshold};</li>
 *   <li>the same guarded title, when at least one side has no comparable abstract, matches unless the years are
 *       more than {@code maxTitleYearGap} apart;</li>
 *   <li>nothing else matches: very short texts need an identifier.</li>
 * </ol>
 */
public final class PairMatcher {

    public enum Reason {
        DOI_CONFLICT(false), ARXIV_CONFLICT(false), SAME_DOI(true), SAME_ARXIV(true), TITLE_CONFLICT(false), SAME_FINGERPRINT(true),
        SIMILAR_ABSTRACT(true), CONTAINED_ABSTRACT(true), SAME_TITLE_SIMILAR_ABSTRACT(true),
        DIFFERENT_ABSTRACT(false), SAME_TITLE(true), YEARS_APART(false), NO_EVIDENCE(false);

        public final boolean match;

        Reason(boolean match) {
            this.match = match;
        }
    }

    private PairMatcher() {
    }

    public static boolean matches(RecordSummary a, RecordSummary b, MatchConfig config) {
        return decide(a, b, config).match;
    }

    public static Reason decide(RecordSummary a, RecordSummary b, MatchConfig config) {
        if (a.doi() != null && b.doi() != null && !a.doi().equals(b.doi())) {
            return Reason.DOI_CONFLICT;
        }
        if (a.arxiv() != null && b.arxiv() != null && !a.arxiv().equals(b.arxiv())) {
            return Reason.ARXIV_CONFLICT;
        }
        if (a.doi() != null && a.doi().equals(b.doi())) {
            return Reason.SAME_DOI;
        }
        if (a.arxiv() != null && a.arxiv().equals(b.arxiv())) {
            return Reason.SAME_ARXIV;
        }
        if (titlesConflict(a, b, config)) {
            return Reason.TITLE_CONFLICT;
        }
        if (a.fingerprint() != null && a.fingerprint().equals(b.fingerprint())) {
            return Reason.SAME_FINGERPRINT;
        }
        boolean sameTitle = a.titleKey() != null && a.titleKey().equals(b.titleKey());
        if (a.comparable() && b.comparable()) {
            double jaccard = MinHash.jaccard(a.signature(), b.signature());
            if (jaccard >= config.jaccardThreshold()) {
                return Reason.SIMILAR_ABSTRACT;
            }
            if (Math.min(a.shingles(), b.shingles()) >= config.containmentMinShingles()
                    && containment(jaccard, a.shingles(), b.shingles()) >= config.containmentThreshold()) {
                return Reason.CONTAINED_ABSTRACT;
            }
            if (sameTitle && jaccard >= config.titleJaccardThreshold()) {
                return Reason.SAME_TITLE_SIMILAR_ABSTRACT;
            }
            return Reason.DIFFERENT_ABSTRACT;
        }
        if (sameTitle) {
            if (a.year() != null && b.year() != null && Math.abs(a.year() - b.year()) > config.maxTitleYearGap()) {
                return Reason.YEARS_APART;
            }
            return Reason.SAME_TITLE;
        }
        return Reason.NO_EVIDENCE;
    }

    static boolean titlesConflict(RecordSummary a, RecordSummary b, MatchConfig config) {
        if (a.titleWords() == null || b.titleWords() == null) {
            return false;
        }
        int minTokens = config.minTitleTokens();
        if (a.titleWords().split(" ").length < minTokens || b.titleWords().split(" ").length < minTokens) {
            return false;
        }
        return TitleKey.similarity(a.titleWords(), b.titleWords()) < config.titleConflictThreshold();
    }

    /**
     * The share of the smaller shingle set inside the larger, from the Jaccard estimate and the set sizes:
     * |A∩B| = J(|A|+|B|)/(1+J).
     */
    static double containment(double jaccard, int sizeA, int sizeB) {
        double intersection = jaccard * (sizeA + sizeB) / (1 + jaccard);
        return Math.min(1, intersection / Math.min(sizeA, sizeB));
    }
}
