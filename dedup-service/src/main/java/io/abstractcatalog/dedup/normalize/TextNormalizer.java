package io.abstractcatalog.dedup.normalize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for matching only; the display text stays as given. A pure function: the same input gives the same
 * output on every instance, which is what makes fingerprints (and so work ids) stable.
 * Bump {@link #VERSION} whenever the output for some input changes: fingerprints of different versions must not meet.
 */
public final class TextNormalizer {

    public static final int VERSION = 1;

    private static final Pattern LEADING_LABEL = Pattern.compile("^\\s*(abstract|summary)\\s*[:.\\-]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]{0,200}>");
    private static final Pattern HYPHENATED_BREAK = Pattern.compile("(\\p{L})-\\s*\\n\\s*(\\p{L})");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\\u2018\\u2019\\u201A\\u201B`]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\\u201C-\\u201F]|''|``");
    private static final Pattern MATH_DELIMITERS = Pattern.compile("\\$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        folded = HYPHENATED_BREAK.matcher(folded).replaceAll("$1$2");
        folded = HTML_TAG.matcher(folded).replaceAll(" ");
        folded = HtmlEntities.unescape(folded);
        folded = LEADING_LABEL.matcher(folded).replaceFirst("");
        folded = DASHES.matcher(folded).replaceAll("-");
        folded = DOUBLE_QUOTES.matcher(folded).replaceAll("\"");
        folded = SINGLE_QUOTES.matcher(folded).replaceAll("'");
        folded = MATH_DELIMITERS.matcher(folded).replaceAll("");
        folded = folded.toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(folded).replaceAll(" ").strip();
    }
}
