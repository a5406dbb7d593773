package io.abstractcatalog.dedup.match;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.FoldedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A record's authors as matching compares them: one key per author, {@code family} or {@code family initial}
 * (folded: "Müller, J.-P." → {@code muller j}), in the source's order; and whether the source cut the list ("et al.",
 * "others", "…"), since a cut list cannot prove that two records have no author in common.
 */
public final class AuthorKeys {

    /** Longer lists are compared on their first authors only: enough evidence, bounded cost. */
    static final int MAX_AUTHORS = 30;
    private static final Pattern TRUNCATION = Pattern.compile("(?i)^(?:and )?(?:et\\.? ?al\\.?|others|\\.\\.\\.|…|\\[?et al\\]?)$");
    private static final Pattern TRAILING_ET_AL = Pattern.compile("(?i)\\s+(?:et\\.? ?al\\.?|and others)$");

    private AuthorKeys() {
    }

    public record Keys(List<String> keys, boolean truncated) {
    }

    public static Keys of(List<Author> authors) {
        List<String> keys = new ArrayList<>();
        boolean truncated = false;
        for (Author author : authors) {
            String name = author.name() == null ? "" : author.name().strip();
            if (TRUNCATION.matcher(name).matches()) {
                truncated = true;
                continue;
            }
            String family = author.family();
            if (TRAILING_ET_AL.matcher(name).find()) { // "Smith et al." as the one author string
                truncated = true;
                family = TRAILING_ET_AL.matcher(family == null ? name : family).replaceFirst("");
            }
            String key = key(family == null ? name : family, author.given());
            if (key != null && keys.size() < MAX_AUTHORS && !keys.contains(key)) {
                keys.add(key);
            }
        }
        return new Keys(List.copyOf(keys), truncated || authors.size() > MAX_AUTHORS);
    }

    /** The last word of the folded family name ("van der Waals" → {@code waals}) and the given names' first initial. */
    static String key(String family, String given) {
        List<String> words = FoldedText.words(family);
        if (words.isEmpty()) {
            return null;
        }
        String last = words.get(words.size() - 1);
        List<String> givenWords = FoldedText.words(given);
        return givenWords.isEmpty() ? last : last + " " + givenWords.get(0).substring(0, 1).toLowerCase(Locale.ROOT);
    }

    /**
     * How many authors of {@code a} have a twin in {@code b}: the same family name ({@link #nearlyEqual}), and the
     * same first initial when both have one (so "wang j" and "wang l" are two people, "wang" meets either).
     */
    public static int shared(List<String> a, List<String> b) {
        int shared = 0;
        boolean[] used = new boolean[b.size()];
        for (String x : a) {
            for (int i = 0; i < b.size(); i++) {
                if (!used[i] && sameAuthor(x, b.get(i))) {
                    used[i] = true;
                    shared++;
                    break;
                }
            }
        }
        return shared;
    }

    private static boolean sameAuthor(String x, String y) {
        int sx = x.indexOf(' ');
        int sy = y.indexOf(' ');
        String fx = sx < 0 ? x : x.substring(0, sx);
        String fy = sy < 0 ? y : y.substring(0, sy);
        return nearlyEqual(fx, fy) && (sx < 0 || sy < 0 || x.substring(sx).equals(y.substring(sy)));
    }

    /**
     * Whether some author of {@code a} may be one of {@code b} written with given and family name swapped ("Wang
     * Xiaoguang" / "Xiaoguang Wang", "Andrea Carignani" / "Carignani Andrea"): each key's family initial is the other's
     * given initial. Too weak to count as a shared author, enough to withhold the "no author in common" veto.
     */
    public static boolean maybeSwapped(List<String> a, List<String> b) {
        for (String x : a) {
            for (String y : b) {
                if (x.length() > 2 && y.length() > 2 && x.charAt(x.length() - 2) == ' ' && y.charAt(y.length() - 2) == ' '
                        && x.charAt(0) == y.charAt(y.length() - 1) && y.charAt(0) == x.charAt(x.length() - 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Equal, or one typo apart (an edit of one letter) when both have at least five letters: "hiessl" / "hiess". */
    static boolean nearlyEqual(String x, String y) {
        if (x.equals(y)) {
            return true;
        }
        if (x.length() < 5 || y.length() < 5 || Math.abs(x.length() - y.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < x.length() && i < y.length() && x.charAt(i) == y.charAt(i)) {
            i++;
        }
        int j = 0; // common suffix, not overlapping the prefix
        while (j < x.length() - i && j < y.length() - i && x.charAt(x.length() - 1 - j) == y.charAt(y.length() - 1 - j)) {
            j++;
        }
        return x.length() - i - j <= 1 && y.length() - i - j <= 1;
    }

    /** Whether every key is ASCII: names in two scripts (Cyrillic and its transliteration) cannot be told apart. */
    static boolean latin(List<String> keys) {
        for (String key : keys) {
            for (int i = 0; i < key.length(); i++) {
                if (key.charAt(i) > 127) {
                    return false;
                }
            }
        }
        return true;
    }
}
