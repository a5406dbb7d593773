package io.abstractcatalog.dedup.normalize;

import io.abstractcatalog.contract.LatexText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Folds text for matching only; the display text stays as given. A pure function: the same input gives the same
 * output on every instance, which is what makes fingerprints (and so work ids) stable.
 * Bump {@link #VERSION} whenever the output for some input changes: fingerprints of different versions must not meet.
 *
 * <p>Version 2 adds LaTeX folding, more leading labels ("Background:", "Abstract" before a capital),
 * trailing copyright boilerplate, soft hyphens, and drops the math markup characters {@code $ { } ^ _}.
 * Version 3 folds LaTeX with the one table ingest shares ({@link LatexText}), which adds ingest's text-mode commands:
 * the accents {@code \d \b \t}, {@code \j \dh \th}, {@code \textendash}, {@code \textemdash}, the
 * {@code \textquote…} quotes, and the commands url, textmd, textsl and uppercase, whose argument is the text;
 * it also decodes every HTML5 named entity (jsoup's table, 2,125 names) instead of a hand list of 16, and abstracts
 * lose known page furniture ({@link PageFurniture}). (Both changes landed together: one version.)
 */
public final class TextNormalizer {

    public static final int VERSION = 3;

    /**
     * A leading label: "Abstract:", "ABSTRACT.", "Summary -", "Background:"…; "Abstract" alone only before a capital
     * ("Abstract We show"), since "Background noise …" is text, not a label.
     */
    private static final Pattern LEADING_LABEL = Pattern.compile(
            "^\\s*(?:(?:abstract|summary|background|objectives?|purpose|context|introduction|aims?)\\s*[:.\\-\\u2013\\u2014]\\s*"
                    + "|abstract\\s+(?=\\p{Lu}))", Pattern.CASE_INSENSITIVE);
    /**
     * Trailing copyright boilerplate: "© 2020 Elsevier Ltd. All rights reserved.", "Copyright © 2019 IEEE",
     * "(c) 2018 The Authors" (an enumeration's "(c)" is not followed by a year), "Published by Elsevier B.V." — only at the very end and only when it looks like
     * boilerplate (a year, "rights reserved", "licen[cs]e", a publisher), so a sentence about copyright law stays.
     */
    static final Pattern TRAILING_COPYRIGHT = Pattern.compile(
            "(?:\\s*(?:©|\\(c\\)(?=\\s*(?:19|20)\\d\\d)|copyright\\b|all rights reserved|published by\\b)[^©]{0,300})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOILERPLATE_HINT = Pattern.compile(
            "(?i)(?:\\b(?:19|20)\\d\\d\\b|rights reserved|licen[cs]e|elsevier|springer|wiley|ieee|acm|taylor|francis|sage|emerald|informa|the authors?\\b|published by)");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]{0,200}>");
    /** Tags that were entity-escaped in the source ({@code &lt;i&gt;}) show up only after unescaping: common ones go too. */
    private static final Pattern ESCAPED_TAG = Pattern.compile("</?(?:p|i|b|em|strong|sub|sup|br|span|div|jats:[a-z]+)\\b[^<>]{0,80}>");
    private static final Pattern HYPHENATED_BREAK = Pattern.compile("(\\p{L})-\\s*\\n\\s*(\\p{L})");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("[\\u2018\\u2019\\u201A\\u201B`]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\\u201C-\\u201F]|''|``");
    /** Math markup that one source prints and another does not: {@code $O(n^2)$} ≈ {@code O(n2)} (NFKC folds ² to 2). */
    private static final Pattern MATH_MARKUP = Pattern.compile("[${}^_]");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("\u00AD", "");
        if (folded.indexOf('\n') >= 0) { // the patterns below scan every character: skip them when they cannot match
            folded = HYPHENATED_BREAK.matcher(folded).replaceAll("$1$2");
        }
        folded = HTML_TAG.matcher(folded).replaceAll(" ");
        if (folded.indexOf('&') >= 0) {
            folded = Parser.unescapeEntities(folded, false); // the full HTML5 table, named and numeric
        }
        folded = ESCAPED_TAG.matcher(folded).replaceAll(" ");
        folded = LatexText.foldForMatching(folded);
        // LaTeX accents compose to NFC; NFKC again so a folded ligature or compatibility form meets its twin
        folded = Normalizer.normalize(folded, Normalizer.Form.NFKC);
        for (int i = 0; i < 3; i++) { // "Abstract: Background: …"
            String unlabelled = LEADING_LABEL.matcher(folded).replaceFirst("");
            if (unlabelled.equals(folded)) {
                break;
            }
            folded = unlabelled;
        }
        folded = stripTrailingCopyright(folded);
        if (hasPunctuationToFold(folded)) {
            folded = DASHES.matcher(folded).replaceAll("-");
            folded = DOUBLE_QUOTES.matcher(folded).replaceAll("\"");
            folded = SINGLE_QUOTES.matcher(folded).replaceAll("'");
            folded = MATH_MARKUP.matcher(folded).replaceAll("");
        }
        folded = folded.toLowerCase(Locale.ROOT);
        return collapseWhitespace(folded).strip();
    }

    /** Whether one of {@link #DASHES}, {@link #DOUBLE_QUOTES}, {@link #SINGLE_QUOTES}, {@link #MATH_MARKUP} can match. */
    static boolean hasPunctuationToFold(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u2010' && c <= '\u2015') || c == '\u2212' || (c >= '\u2018' && c <= '\u201F')
                    || c == '`' || c == '\'' || c == '$' || c == '{' || c == '}' || c == '^' || c == '_') {
                return true;
            }
        }
        return false;
    }

    /** Each run of regex {@code \\s} characters ({@code [ \t\n\x0B\f\r]}) → one space, in one pass over the text. */
    static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out.toString();
    }

    /** The words of a normalized text: runs of letters and digits (punctuation never decides a match). */
    public static List<String> tokens(String normalized) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(normalized);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static String stripTrailingCopyright(String text) {
        if (!mayHoldCopyright(text)) {
            return text;
        }
        Matcher matcher = TRAILING_COPYRIGHT.matcher(text);
        // the earliest match that runs to the end; keep at least a little text before it
        if (matcher.find() && matcher.start() > 0 && BOILERPLATE_HINT.matcher(matcher.group()).find()) {
            return text.substring(0, matcher.start());
        }
        return text;
    }

    /** False only when {@link #TRAILING_COPYRIGHT} cannot match: none of its (ASCII case-insensitive) markers occurs. */
    static boolean mayHoldCopyright(String text) {
        if (text.indexOf('©') >= 0) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("(c)") || lower.contains("copyright") || lower.contains("all rights reserved")
                || lower.contains("published by");
    }
}
