package io.abstractcatalog.dedup.match;

import io.abstractcatalog.dedup.normalize.TextNormalizer;
import java.util.List;
import java.util.Set;

/**
 * The normalized title as a key: its words joined by single spaces (so punctuation, case and a trailing period
 * never matter). Guarded: a title too short or generic to name one paper ("Editorial", "Introduction",
 * "Editor's comments") has no key, so it never blocks or matches on its own.
 */
public final class TitleKey {

    /** Words that make a short title generic: front and back matter of journals, not papers. */
    private static final Set<String> GENERIC = Set.of("editorial", "editorials", "editor", "editors", "introduction",
            "preface", "foreword", "erratum", "errata", "corrigendum", "correction", "corrections", "retraction",
            "retracted", "reply", "response", "rejoinder", "comment", "comments", "commentary", "index", "contents",
            "reviewers", "acknowledgment", "acknowledgments", "acknowledgement", "acknowledgements", "announcement",
            "announcements", "obituary", "letter", "letters", "abstracts", "proceedings", "notes", "news", "review",
            "reviews", "issue", "volume", "call", "papers", "masthead", "cover", "front", "back", "matter", "remarks",
            "conclusion", "conclusions", "notice", "notices", "books", "received", "contributors", "memoriam", "keynote");
    /** Numbers that tell the parts of a series apart: digits and Roman numerals up to 20. */
    private static final Set<String> ROMAN = Set.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
            "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx");
    /**
     * Titles at least this long name a paper even when they contain a generic word ("Introduction to …"), unless a
     * third of their words are generic.
     */
    private static final int GENERIC_BELOW_TOKENS = 8;

    private TitleKey() {
    }

    /** All words of a title, joined by single spaces; null without a title. Unguarded: for title similarity. */
    public static String words(String title) {
        List<String> tokens = TextNormalizer.tokens(TextNormalizer.normalize(title));
        return tokens.isEmpty() ? null : String.join(" ", tokens);
    }

    /**
     * Token-set Jaccard similarity of two {@link #words} strings; a word of five letters or more one edit away from
     * a word of the other title counts as common ("labour" / "labor", a typo).
     */
    public static double similarity(String a, String b) {
        Set<String> x = new java.util.HashSet<>(List.of(a.split(" ")));
        Set<String> y = new java.util.HashSet<>(List.of(b.split(" ")));
        long common = 0;
        for (String word : x) {
            if (y.contains(word)) {
                common++;
            } else if (word.length() >= 5) {
                for (String other : y) {
                    if (!x.contains(other) && AuthorKeys.nearlyEqual(word, other)) {
                        common++;
                        break;
                    }
                }
            }
        }
        return (double) common / (x.size() + y.size() - common);
    }

    /** The numerals of a {@link #words} string ("part ii", "2019", "3"), sorted; empty when it has none. */
    public static java.util.SortedSet<String> numerals(String words) {
        java.util.SortedSet<String> numerals = new java.util.TreeSet<>();
        if (words != null) {
            for (String word : words.split(" ")) {
                if (ROMAN.contains(word) || word.chars().allMatch(Character::isDigit)) {
                    numerals.add(word);
                }
            }
        }
        return numerals;
    }

    /** Whether {@code shorter}'s words begin {@code longer}'s (a subtitle dropped, a cut title). */
    static boolean wordPrefix(String shorter, String longer) {
        return longer.length() > shorter.length() && longer.startsWith(shorter) && longer.charAt(shorter.length()) == ' ';
    }

    /** Whether {@code shorter}'s words end {@code longer}'s (a running head or label extracted in front of the title). */
    static boolean wordSuffix(String shorter, String longer) {
        return longer.length() > shorter.length() && longer.endsWith(shorter)
                && longer.charAt(longer.length() - shorter.length() - 1) == ' ';
    }

    /** The key of a title, or null when it has none (absent, too short, or generic). */
    public static String of(String title, MatchConfig config) {
        String normalized = TextNormalizer.normalize(title);
        List<String> tokens = TextNormalizer.tokens(normalized);
        String key = String.join(" ", tokens);
        if (tokens.size() < config.minTitleTokens() || key.length() < config.minTitleChars()) {
            return null;
        }
        long generic = tokens.stream().filter(GENERIC::contains).count();
        if (generic > 0 && (tokens.size() < GENERIC_BELOW_TOKENS || generic * 3 >= tokens.size())) {
            return null; // "Editorial notes", "Remarks from the editor - Editor's comments"
        }
        return key;
    }
}
