package io.abstractcatalog.dedup.match;

/**
 * How two titles relate, from their words ({@link TitleKey#words}). Title agreement counts as evidence only when
 * both titles also have a guarded key ({@link TitleKey#of}: not short, not generic), see {@link #agrees}.
 */
public enum TitleRelation {
    /** One side has no title. */
    ABSENT,
    /** The same words. */
    EQUAL,
    /** One title's words begin the other's (a dropped subtitle, a cut title), the shorter at least a key's length. */
    PREFIX,
    /** One title's words end the other's (a running head or a series label extracted in front), likewise. */
    SUFFIX,
    /** Word-set Jaccard at least {@code titleSimilarThreshold} (a changed word, an added article). */
    SIMILAR,
    /** Both carry numerals and they differ: "Part I" and "Part II", "… 2019" and "… 2020" are two works. */
    NUMBERS_DIFFER,
    /** Neither of the above, and not a conflict. */
    DIFFERENT,
    /** Two titles of at least {@code minTitleTokens} words sharing less than {@code titleConflictThreshold} of their words. */
    CONFLICT;

    static TitleRelation of(RecordSummary a, RecordSummary b, MatchConfig config) {
        String x = a.titleWords();
        String y = b.titleWords();
        if (x == null || y == null) {
            return ABSENT;
        }
        if (!TitleKey.numerals(x).isEmpty() && !TitleKey.numerals(y).isEmpty()
                && !TitleKey.numerals(x).equals(TitleKey.numerals(y))) {
            return NUMBERS_DIFFER;
        }
        if (x.equals(y)) {
            return EQUAL;
        }
        String shorter = x.length() <= y.length() ? x : y;
        String longer = shorter == x ? y : x;
        if (shorter.split(" ").length >= config.minTitleTokens()) {
            if (TitleKey.wordPrefix(shorter, longer)) {
                return PREFIX;
            }
            if (TitleKey.wordSuffix(shorter, longer)) {
                return SUFFIX;
            }
        }
        double similarity = TitleKey.similarity(x, y);
        if (similarity >= config.titleSimilarThreshold()) {
            return SIMILAR;
        }
        if (x.split(" ").length >= config.minTitleTokens() && y.split(" ").length >= config.minTitleTokens()
                && similarity < config.titleConflictThreshold()) {
            return CONFLICT;
        }
        return DIFFERENT;
    }

    /** Whether two titles name one work: equal, prefix, suffix or similar, and neither short nor generic. */
    boolean agrees(RecordSummary a, RecordSummary b) {
        return (this == EQUAL || this == PREFIX || this == SUFFIX || this == SIMILAR) && a.titleKey() != null
                && b.titleKey() != null;
    }

    /** Whether the titles speak against one work, for abstract evidence that is not strong enough on its own. */
    boolean disagrees() {
        return this == DIFFERENT || this == CONFLICT || this == NUMBERS_DIFFER;
    }
}
