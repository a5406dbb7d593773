package io.abstractcatalog.dedup.match;

import io.abstractcatalog.dedup.match.Ids.DoiKind;
import java.util.Objects;

/**
 * Decides whether two records are the same work, on all the evidence they carry: identifiers, title, authors, year,
 * abstract. A pure function of the pair (and the configuration), symmetric in its arguments, so the decision never
 * depends on which record came first or which block brought them together. Rules, first that applies wins (README,
 * "Matching", has the table and the measurements behind each threshold):
 * <ol>
 *   <li><b>identifiers</b>: different DOIs of the same kind (two articles, two preprints; a volume's DOI never
 *       counts), arXiv ids, PMIDs or PMCIDs veto; the same arXiv id, PMID, PMCID or DOI merges — a shared DOI only
 *       when the titles do not conflict (a DOI printed on every chapter of a volume);</li>
 *   <li><b>vetoes</b> for everything below: years more than {@code maxYearGap} apart; two complete author lists
 *       (no "et al.") in Latin script with no author in common (nor one that may be written with the names swapped); titles whose numerals differ ("Part I" / "Part II");
 *       titles that conflict (share &lt; {@code titleConflictThreshold} of their words);</li>
 *   <li><b>abstract</b>: the same fingerprint, Jaccard ≥ {@code jaccardThreshold} or containment ≥
 *       {@code containmentThreshold} merge unless the titles disagree and the authors do not vouch (one furniture
 *       "abstract" under two titles); with agreeing titles Jaccard ≥ {@code titleJaccardThreshold} merges; the same
 *       opening words with Jaccard ≥ {@code openingJaccardThreshold} merge when the titles do not disagree and the
 *       years are at most {@code maxTitleYearGap} apart (cut and revised copies);</li>
 *   <li><b>title and authors</b>: agreeing titles (equal, prefix, suffix or similar; neither short nor generic) and agreeing
 *       authors (at least half of the shorter list) merge whatever the abstracts say (PDF-cut abstracts, preprint and
 *       published version);</li>
 *   <li>two comparable abstracts that none of the above joined are two works;</li>
 *   <li><b>title alone</b>: equal guarded titles merge when a side has no comparable abstract and the authors say
 *       nothing (none on a side, or names that may be swapped), unless the years are more than
 *       {@code maxTitleYearGap} apart;</li>
 *   <li>nothing else merges: a generic title, or a short text, needs an identifier or more evidence.</li>
 * </ol>
 */
public final class PairMatcher {

    /** Bump when a decision can change for some pair: published decisions name the version that made them. */
    public static final int VERSION = 2;

    public enum Rule {
        DOI_CONFLICT(false), ARXIV_CONFLICT(false), PMID_CONFLICT(false), PMCID_CONFLICT(false),
        SAME_ARXIV(true), SAME_PMID(true), SAME_PMCID(true), SAME_DOI(true),
        YEARS_APART(false), AUTHORS_DISJOINT(false), TITLE_NUMBERS_DIFFER(false), TITLE_CONFLICT(false),
        SAME_FINGERPRINT(true), SIMILAR_ABSTRACT(true), CONTAINED_ABSTRACT(true), TITLES_DIFFER(false),
        SAME_TITLE_SIMILAR_ABSTRACT(true), SAME_OPENING(true), SAME_TITLE_AUTHORS(true), DIFFERENT_ABSTRACT(false),
        SAME_TITLE(true), TITLE_YEARS_APART(false), NO_EVIDENCE(false);

        public final boolean merges;

        Rule(boolean merges) {
            this.merges = merges;
        }
    }

    private PairMatcher() {
    }

    public static boolean matches(RecordSummary a, RecordSummary b, MatchConfig config) {
        return decide(a, b, config).merged();
    }

    public static PairDecision decide(RecordSummary first, RecordSummary second, MatchConfig config) {
        // the evidence is listed for the smaller record id first, so the decision is the same value either way round
        boolean inOrder = first.recordId().compareTo(second.recordId()) <= 0;
        Evidence e = new Evidence(inOrder ? first : second, inOrder ? second : first, config);
        return e.decision(e.rule());
    }

    /** The evidence of one pair, computed once, and the rules over it. */
    private static final class Evidence {

        private final RecordSummary a;
        private final RecordSummary b;
        private final MatchConfig config;
        private final TitleRelation title;
        private final boolean titleAgrees;
        private final int shared;
        private final Integer yearGap;
        private final Double jaccard;
        private final Double containment;
        private final boolean sameFingerprint;
        private final boolean sameOpening;
        private String identifier;

        Evidence(RecordSummary a, RecordSummary b, MatchConfig config) {
            this.a = a;
            this.b = b;
            this.config = config;
            this.title = TitleRelation.of(a, b, config);
            this.titleAgrees = title.agrees(a, b);
            this.shared = AuthorKeys.shared(a.authors(), b.authors());
            this.yearGap = a.year() == null || b.year() == null ? null : Math.abs(a.year() - b.year());
            if (a.comparable() && b.comparable()) {
                jaccard = MinHash.jaccard(a.signature(), b.signature());
                containment = containment(jaccard, a.shingles(), b.shingles());
            } else {
                jaccard = null;
                containment = null;
            }
            this.sameFingerprint = a.fingerprint() != null && a.fingerprint().equals(b.fingerprint());
            this.sameOpening = a.opening() != null && a.opening().equals(b.opening());
        }

        Rule rule() {
            Rule byIdentifier = identifiers();
            if (byIdentifier != null) {
                return byIdentifier;
            }
            if (yearGap != null && yearGap > config.maxYearGap()) {
                return Rule.YEARS_APART;
            }
            if (authorsDisjoint()) {
                return Rule.AUTHORS_DISJOINT;
            }
            if (title == TitleRelation.NUMBERS_DIFFER) {
                return Rule.TITLE_NUMBERS_DIFFER;
            }
            // measured: on bib-dedupe, same-author pairs under conflicting titles are one abstract printed under two
            // papers' titles, or a translation the gold keeps apart — so the authors never lift this veto
            if (title == TitleRelation.CONFLICT) {
                return Rule.TITLE_CONFLICT;
            }
            boolean authorsAgree = authorsAgree();
            boolean nearCopy = sameFingerprint || (jaccard != null && jaccard >= config.jaccardThreshold());
            boolean titlesAllow = !title.disagrees() || authorsAgree;
            if (sameFingerprint || nearCopy || contained()) {
                if (titlesAllow) {
                    return sameFingerprint ? Rule.SAME_FINGERPRINT : nearCopy ? Rule.SIMILAR_ABSTRACT : Rule.CONTAINED_ABSTRACT;
                }
                return Rule.TITLES_DIFFER;
            }
            if (titleAgrees && jaccard != null && jaccard >= config.titleJaccardThreshold()) {
                return Rule.SAME_TITLE_SIMILAR_ABSTRACT;
            }
            if (sameOpening && !title.disagrees() && (jaccard == null || jaccard >= config.openingJaccardThreshold())
                    && (yearGap == null || yearGap <= config.maxTitleYearGap())) {
                return Rule.SAME_OPENING;
            }
            if (titleAgrees && authorsAgree) {
                return Rule.SAME_TITLE_AUTHORS;
            }
            if (jaccard != null) {
                return Rule.DIFFERENT_ABSTRACT;
            }
            if (title == TitleRelation.EQUAL && titleAgrees && authorsSilent()) {
                return yearGap != null && yearGap > config.maxTitleYearGap() ? Rule.TITLE_YEARS_APART : Rule.SAME_TITLE;
            }
            return Rule.NO_EVIDENCE;
        }

        /** The identifier rules, or null when no identifier decides. */
        private Rule identifiers() {
            DoiKind kindA = a.doi() == null ? null : Ids.kind(a.doi());
            DoiKind kindB = b.doi() == null ? null : Ids.kind(b.doi());
            if (kindA != null && kindA == kindB && kindA != DoiKind.VOLUME && !a.doi().equals(b.doi())) {
                return identified("doi", Rule.DOI_CONFLICT);
            }
            if (differ(a.arxiv(), b.arxiv())) {
                return identified("arxiv", Rule.ARXIV_CONFLICT);
            }
            if (differ(a.pmid(), b.pmid())) {
                return identified("pmid", Rule.PMID_CONFLICT);
            }
            if (differ(a.pmcid(), b.pmcid())) {
                return identified("pmcid", Rule.PMCID_CONFLICT);
            }
            if (a.arxiv() != null && a.arxiv().equals(b.arxiv())) {
                return identified("arxiv", Rule.SAME_ARXIV);
            }
            if (a.pmid() != null && a.pmid().equals(b.pmid())) {
                return identified("pmid", Rule.SAME_PMID);
            }
            if (a.pmcid() != null && a.pmcid().equals(b.pmcid())) {
                return identified("pmcid", Rule.SAME_PMCID);
            }
            if (a.doi() != null && a.doi().equals(b.doi()) && kindA != DoiKind.VOLUME
                    && title != TitleRelation.CONFLICT && title != TitleRelation.NUMBERS_DIFFER) {
                return identified("doi", Rule.SAME_DOI);
            }
            return null;
        }

        private Rule identified(String name, Rule rule) {
            identifier = name;
            return rule;
        }

        private static boolean differ(String x, String y) {
            return x != null && y != null && !x.equals(y);
        }

        /** At least one author in common, and at least half of the shorter list. */
        private boolean authorsAgree() {
            int shorter = Math.min(a.authors().size(), b.authors().size());
            return shared >= 1 && 2 * shared >= shorter;
        }

        /** No authors on a side, or names that may be swapped: the authors neither support nor contradict. */
        private boolean authorsSilent() {
            return a.authors().isEmpty() || b.authors().isEmpty() || AuthorKeys.maybeSwapped(a.authors(), b.authors());
        }

        private boolean authorsDisjoint() {
            return shared == 0 && !a.authors().isEmpty() && !b.authors().isEmpty() && !a.authorsTruncated()
                    && !b.authorsTruncated() && AuthorKeys.latin(a.authors()) && AuthorKeys.latin(b.authors())
                    && !AuthorKeys.maybeSwapped(a.authors(), b.authors());
        }

        private boolean contained() {
            return containment != null && Math.min(a.shingles(), b.shingles()) >= config.containmentMinShingles()
                    && containment >= config.containmentThreshold();
        }

        PairDecision decision(Rule rule) {
            Boolean sameVenue = a.venue() == null || b.venue() == null ? null : Objects.equals(a.venue(), b.venue());
            return new PairDecision(rule.merges, rule, identifier, jaccard, containment, sameOpening, title,
                    a.titleWords() != null && b.titleWords() != null && (a.titleKey() == null || b.titleKey() == null), shared, a.authors().size(), b.authors().size(),
                    a.year(), b.year(), sameVenue, VERSION);
        }
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
