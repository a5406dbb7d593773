package io.abstractcatalog.contract;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one folding of names compared ignoring case, accents and punctuation (authors, venues): lower case, accents
 * and punctuation dropped, words separated by one space ("Müller, J.-P." → "muller j p"). Dedup compares venues with
 * it; the catalog writes it into its rows and applies it to filter values, so every side folds alike.
 */
public final class FoldedText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private FoldedText() {
    }

    /** The folded text; empty when nothing but punctuation was given, null for null. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        // Letters NFKD does not decompose: ø, ł, ß, æ, œ
        String stripped = MARKS.matcher(decomposed).replaceAll("").replace("ø", "o").replace("Ø", "O")
                .replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE")
                .replace("œ", "oe").replace("Œ", "OE");
        return NON_WORD.matcher(stripped).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** The words of the folded text. */
    public static List<String> words(String text) {
        String folded = of(text);
        return folded == null || folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }
}
