package io.abstractcatalog.contract.http;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rule for query parameters an endpoint does not know: a 400 that names them, lists the known ones and, when one
 * is close to a known name, says which was probably meant. A parameter silently ignored returns answers that look
 * right and are not (per_page=5 would return 20 works).
 */
public final class QueryParameters {

    /**
     * Names other APIs use for our parameters (OpenAlex, Crossref, common habits), so "per_page" finds "limit"
     * although no small edit turns one into the other.
     */
    private static final Map<String, String> HABITS = Map.ofEntries(
            Map.entry("perpage", "limit"), Map.entry("pagesize", "limit"), Map.entry("rows", "limit"),
            Map.entry("size", "limit"), Map.entry("max", "limit"), Map.entry("count", "limit"),
            Map.entry("page", "cursor"), Map.entry("offset", "cursor"), Map.entry("start", "cursor"),
            Map.entry("query", "q"), Map.entry("search", "q"), Map.entry("text", "q"),
            Map.entry("sortby", "sort"), Map.entry("order", "sort"), Map.entry("orderby", "sort"),
            Map.entry("fields", "select"), Map.entry("groupby", "group_by"),
            Map.entry("publicationyear", "year"), Map.entry("publishedyear", "year"));

    private QueryParameters() {
    }

    /** The problem for the first unknown parameter given, or empty when every one is known. */
    public static Optional<Problem> check(Collection<String> given, List<String> known, String instance) {
        for (String name : given) {
            if (!known.contains(name)) {
                String detail = "'" + brief(name) + "' is not a parameter of " + instance + "."
                        + suggestion(name, known).map(s -> " Did you mean '" + s + "'?").orElse("")
                        + (known.isEmpty() ? " It takes no query parameters." : " Known parameters: "
                        + String.join(", ", known) + ".");
                return Optional.of(Problem.of(ProblemType.UNKNOWN_PARAMETER, detail, instance).withParameter(name)
                        .withKnownParameters(known));
            }
        }
        return Optional.empty();
    }

    /**
     * The known name a user probably meant: the same name but for case and separators (perPage, per-page), a habit
     * from another API, or the closest name within a small edit distance (one edit for names up to four letters,
     * two above, and fewer than the shorter name's letters), ties to the first known.
     */
    public static Optional<String> suggestion(String name, List<String> known) {
        String folded = fold(name);
        for (String candidate : known) {
            if (fold(candidate).equals(folded)) {
                return Optional.of(candidate);
            }
        }
        String habit = HABITS.get(folded);
        if (habit != null && known.contains(habit)) {
            return Optional.of(habit);
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate);
            int shorter = Math.min(name.length(), candidate.length());
            int allowed = shorter <= 4 ? 1 : 2;
            // A name changed as a whole (z for q) is not a typo of it.
            if (distance <= allowed && distance < shorter && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Edits (insert, delete, substitute, swap two neighbours) between two names: the optimal string alignment
     * distance, so "lmit" and "limti" are one edit from "limit".
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
    }

    private static String brief(String name) {
        return name.length() <= 60 ? name : name.substring(0, 60) + "…";
    }
}
