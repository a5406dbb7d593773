package io.abstractcatalog.ingest.format;

import java.text.Normalizer;
import java.util.Map;

/**
 * Folds the LaTeX of BibTeX values into plain Unicode text: accents ({@code \"u}, {@code {\"u}}, {@code \'e},
 * {@code {\'{e}}}, {@code \c{c}}, {@code \v s}…), special letters ({@code \ss}, {@code \o}, {@code \ae}, {@code \l}…),
 * escaped characters ({@code \&}, {@code \%}), font commands ({@code \emph{x}} → x), grouping braces and {@code ~}.
 * Math ({@code $…$}) is kept as written, and so are {@code --} and quotes: the catalog shows text as given and the
 * dedup stage normalizes for matching.
 */
final class Latex {

    private static final Map<Character, Character> ACCENTS = Map.ofEntries(
            Map.entry('"', '\u0308'), Map.entry('\'', '\u0301'), Map.entry('`', '\u0300'), Map.entry('^', '\u0302'),
            Map.entry('~', '\u0303'), Map.entry('=', '\u0304'), Map.entry('.', '\u0307'));
    private static final Map<Character, Character> LETTER_ACCENTS = Map.ofEntries(
            Map.entry('u', '\u0306'), Map.entry('v', '\u030C'), Map.entry('H', '\u030B'), Map.entry('c', '\u0327'),
            Map.entry('k', '\u0328'), Map.entry('r', '\u030A'), Map.entry('d', '\u0323'), Map.entry('b', '\u0331'),
            Map.entry('t', '\u0361'));
    private static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("ss", "ß"), Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("ae", "æ"), Map.entry("AE", "Æ"),
            Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("aa", "å"), Map.entry("AA", "Å"), Map.entry("l", "ł"),
            Map.entry("L", "Ł"), Map.entry("i", "ı"), Map.entry("j", "ȷ"), Map.entry("dh", "ð"), Map.entry("DH", "Ð"),
            Map.entry("th", "þ"), Map.entry("TH", "Þ"), Map.entry("textendash", "–"), Map.entry("textemdash", "—"),
            Map.entry("ldots", "…"), Map.entry("dots", "…"), Map.entry("textquoteright", "’"), Map.entry("textquoteleft", "‘"),
            // LaTeX's names of the characters it reserves, as BibTeX exports (the catalog's, Zotero's) write them
            Map.entry("textbackslash", "\\"), Map.entry("textbraceleft", "{"), Map.entry("textbraceright", "}"),
            Map.entry("textasciitilde", "~"), Map.entry("textasciicircum", "^"));
    private static final java.util.Set<String> FONT_COMMANDS = java.util.Set.of("emph", "textit", "textbf", "texttt",
            "textsc", "textrm", "textsf", "textup", "textmd", "textsl", "mbox", "text", "textnormal", "uppercase", "url");

    private Latex() {
    }

    /** Plain text of a BibTeX value; whitespace runs (line breaks of the .bib file) become one space. */
    static String toUnicode(String latex) {
        if (latex == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(latex.length());
        fold(latex, 0, latex.length(), out);
        String text = Normalizer.normalize(out, Normalizer.Form.NFC);
        return text.replaceAll("\\s+", " ").strip();
    }

    private static void fold(String s, int from, int to, StringBuilder out) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '$') {
                int close = s.indexOf('$', i + 1);
                if (close < 0 || close >= to) {
                    close = to - 1;
                }
                out.append(s, i, close + 1); // math as written
                i = close + 1;
            } else if (c == '{' || c == '}') {
                i++; // grouping (case protection) braces
            } else if (c == '~') {
                out.append(' ');
                i++;
            } else if (c == '\\' && i + 1 < to) {
                i = command(s, i, to, out);
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** Folds the command at {@code s[i] == '\\'}; returns the index after it. */
    private static int command(String s, int i, int to, StringBuilder out) {
        char next = s.charAt(i + 1);
        if (ACCENTS.containsKey(next)) {
            return accent(s, i + 2, to, ACCENTS.get(next), out);
        }
        if ("&%$#_{}".indexOf(next) >= 0) {
            out.append(next);
            return i + 2;
        }
        if (next == '\\') {
            out.append(' ');
            return i + 2;
        }
        int end = i + 1;
        while (end < to && Character.isLetter(s.charAt(end))) {
            end++;
        }
        String name = s.substring(i + 1, end);
        if (name.isEmpty()) {
            out.append(next);
            return i + 2;
        }
        if (name.length() == 1 && LETTER_ACCENTS.containsKey(name.charAt(0))) {
            return accent(s, end, to, LETTER_ACCENTS.get(name.charAt(0)), out);
        }
        if (LETTERS.containsKey(name)) {
            out.append(LETTERS.get(name));
            return skipEmptyGroupOrSpace(s, end, to);
        }
        if (FONT_COMMANDS.contains(name)) {
            return end; // the braces that follow are dropped as grouping, their content kept
        }
        out.append(s, i, end); // unknown command: kept as written
        return end;
    }

    /** The letter after an accent command: {@code u}, {@code {u}}, {@code {\i}} or {@code  u}; it gets the combining mark. */
    private static int accent(String s, int i, int to, char mark, StringBuilder out) {
        int j = i;
        while (j < to && s.charAt(j) == ' ') {
            j++;
        }
        boolean braced = j < to && s.charAt(j) == '{';
        if (braced) {
            j++;
        }
        if (j >= to) {
            return j;
        }
        String base;
        if (s.charAt(j) == '\\' && j + 1 < to && (s.charAt(j + 1) == 'i' || s.charAt(j + 1) == 'j')
                && (j + 2 >= to || !Character.isLetter(s.charAt(j + 2)))) {
            base = s.charAt(j + 1) == 'i' ? "i" : "j";
            j += 2;
        } else {
            base = String.valueOf(s.charAt(j));
            j++;
        }
        out.append(base).append(mark);
        if (braced) {
            while (j < to && s.charAt(j) == ' ') {
                j++;
            }
            if (j < to && s.charAt(j) == '}') {
                j++;
            }
        }
        return j;
    }

    private static int skipEmptyGroupOrSpace(String s, int i, int to) {
        if (i + 1 < to && s.charAt(i) == '{' && s.charAt(i + 1) == '}') {
            return i + 2;
        }
        return i < to && s.charAt(i) == ' ' ? i + 1 : i;
    }
}
