package io.abstractcatalog.loadtest.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edits one abstract picks up on its way through different sources, applied to a copy whose work is known.
 * Each keeps the copy well inside what the matcher calls the same work (word-3-shingle Jaccard ≥ 0.5 or
 * containment ≥ 0.9): one or two small edits on a text of at least {@link SyntheticWorks#MIN_WORDS} words.
 */
public final class NearCopy {

    public enum Edit {
        /** A middle or last sentence missing, as in a shortened version. */
        DROPPED_SENTENCE,
        /** Cut off near the end, as by a length limit, with an ellipsis. */
        TRUNCATED,
        /** Accented letters and Greek written as LaTeX, or LaTeX accents written as Unicode. */
        LATEX_UNICODE,
        /** A few letters swapped or lost. */
        TYPOS,
        /** Long words broken at a line end with a hyphen, as copied from a PDF. */
        HYPHENATION,
        /** A leading "Abstract:" label. */
        LABEL,
        /** Characters written as HTML entities (&amp;amp; &amp;lt; &amp;#39; …). */
        HTML_ENTITIES
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[a-z0-9)\\]$][.!?]) (?=[A-Z])");
    private static final Pattern LONG_WORD = Pattern.compile("\\b\\p{L}{9,}\\b");
    private static final Pattern LETTER_WORD = Pattern.compile("\\b\\p{L}{5,}\\b");
    private static final Map<String, String> TO_LATEX = Map.ofEntries(
            Map.entry("é", "{\\'e}"), Map.entry("è", "{\\`e}"), Map.entry("ü", "{\\\"u}"), Map.entry("ö", "{\\\"o}"),
            Map.entry("ä", "{\\\"a}"), Map.entry("á", "{\\'a}"), Map.entry("í", "{\\'i}"), Map.entry("ç", "{\\c c}"),
            Map.entry("α", "$\\alpha$"), Map.entry("β", "$\\beta$"), Map.entry("γ", "$\\gamma$"), Map.entry("μ", "$\\mu$"));
    private static final Map<String, String> TO_UNICODE = Map.ofEntries(
            Map.entry("\\'e", "é"), Map.entry("\\`e", "è"), Map.entry("\\\"u", "ü"), Map.entry("\\\"o", "ö"),
            Map.entry("\\\"a", "ä"), Map.entry("\\'a", "á"), Map.entry("\\alpha", "α"), Map.entry("\\beta", "β"),
            Map.entry("\\gamma", "γ"), Map.entry("\\mu", "μ"), Map.entry("\\pi", "π"), Map.entry("\\sigma", "σ"),
            Map.entry("\\lambda", "λ"), Map.entry("\\infty", "∞"), Map.entry("\\leq", "≤"), Map.entry("\\geq", "≥"));
    private static final Map<String, String> ENTITIES = Map.of("&", "&amp;", "<", "&lt;", ">", "&gt;", "'", "&#39;",
            "\"", "&quot;");

    private NearCopy() {
    }

    /** An edited copy of {@code text}, never equal to it, and the edits that were applied. */
    public static Result edit(String text, Random random) {
        List<Edit> applied = new ArrayList<>();
        String edited = text;
        int edits = 1 + (random.nextInt(3) == 0 ? 1 : 0);
        Edit[] all = Edit.values();
        for (int i = 0; i < edits; i++) {
            Edit edit = all[random.nextInt(all.length)];
            if (applied.contains(edit) || (isShortening(edit) && applied.stream().anyMatch(NearCopy::isShortening))) {
                continue;
            }
            String next = apply(edit, edited, random);
            if (!next.equals(edited)) {
                edited = next;
                applied.add(edit);
            }
        }
        if (applied.isEmpty()) { // nothing to convert in this text: typos always change something
            edited = apply(Edit.TYPOS, edited, random);
            applied.add(Edit.TYPOS);
        }
        return new Result(edited, List.copyOf(applied));
    }

    public record Result(String text, List<Edit> edits) {
    }

    private static boolean isShortening(Edit edit) {
        return edit == Edit.DROPPED_SENTENCE || edit == Edit.TRUNCATED;
    }

    static String apply(Edit edit, String text, Random random) {
        return switch (edit) {
            case DROPPED_SENTENCE -> dropSentence(text, random);
            case TRUNCATED -> truncate(text, random);
            case LATEX_UNICODE -> latexUnicode(text, random);
            case TYPOS -> typos(text, random);
            case HYPHENATION -> hyphenate(text, random);
            case LABEL -> (random.nextBoolean() ? "Abstract: " : "ABSTRACT. ") + text;
            case HTML_ENTITIES -> entities(text);
        };
    }

    /** Drops one sentence after the first, if it holds at most 15 % of the words (containment stays ≥ 0.9). */
    private static String dropSentence(String text, Random random) {
        String[] sentences = SENTENCE_END.split(text);
        if (sentences.length < 3) {
            return text;
        }
        int words = text.split(" ").length;
        int drop = 1 + random.nextInt(sentences.length - 1);
        if (sentences[drop].split(" ").length > words * 0.15) {
            return text;
        }
        List<String> kept = new ArrayList<>(List.of(sentences));
        kept.remove(drop);
        return String.join(" ", kept);
    }

    /** Keeps the first 80-92 % of the words. */
    private static String truncate(String text, Random random) {
        String[] words = text.split(" ");
        int keep = (int) Math.ceil(words.length * (0.80 + random.nextDouble() * 0.12));
        return String.join(" ", List.of(words).subList(0, keep)) + " …";
    }

    private static String latexUnicode(String text, Random random) {
        Map<String, String> table = random.nextBoolean() ? TO_LATEX : TO_UNICODE;
        String out = text;
        for (Map.Entry<String, String> e : table.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        if (out.equals(text)) { // the other direction may find something
            for (Map.Entry<String, String> e : (table == TO_LATEX ? TO_UNICODE : TO_LATEX).entrySet()) {
                out = out.replace(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** One to three typos: two neighbouring letters swapped, or a letter lost, each in a different word. */
    private static String typos(String text, Random random) {
        List<int[]> words = spans(LETTER_WORD.matcher(text));
        if (words.isEmpty()) {
            return text + " .";
        }
        StringBuilder out = new StringBuilder(text);
        int count = 1 + random.nextInt(3);
        List<int[]> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(words.get(random.nextInt(words.size())));
        }
        chosen.sort((a, b) -> b[0] - a[0]); // right to left, so earlier offsets stay valid
        int previous = -1;
        for (int[] word : chosen) {
            if (word[0] == previous) {
                continue;
            }
            previous = word[0];
            int at = word[0] + 1 + random.nextInt(word[1] - word[0] - 2);
            if (random.nextBoolean()) {
                char c = out.charAt(at);
                out.setCharAt(at, out.charAt(at + 1));
                out.setCharAt(at + 1, c);
            } else {
                out.deleteCharAt(at);
            }
        }
        return out.toString();
    }

    /** Two or three long words broken with a hyphen and a line break ("distri-\nbution"). */
    private static String hyphenate(String text, Random random) {
        List<int[]> words = spans(LONG_WORD.matcher(text));
        if (words.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        int count = Math.min(words.size(), 2 + random.nextInt(2));
        List<int[]> chosen = new ArrayList<>(words.subList(0, 0));
        for (int i = 0; i < count; i++) {
            int[] word = words.get(random.nextInt(words.size()));
            if (!chosen.contains(word)) {
                chosen.add(word);
            }
        }
        chosen.sort((a, b) -> b[0] - a[0]);
        for (int[] word : chosen) {
            out.insert(word[0] + (word[1] - word[0]) / 2, "-\n");
        }
        return out.toString();
    }

    private static String entities(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean changed = false;
        for (int i = 0; i < text.length(); i++) {
            String c = String.valueOf(text.charAt(i));
            String entity = ENTITIES.get(c);
            out.append(entity == null ? c : entity);
            changed |= entity != null;
        }
        if (!changed) { // no special character: an emphasised word, as HTML exports print it
            Matcher word = LONG_WORD.matcher(text);
            if (word.find()) {
                return text.substring(0, word.start()) + "&lt;i&gt;" + word.group() + "&lt;/i&gt;" + text.substring(word.end());
            }
        }
        return out.toString();
    }

    private static List<int[]> spans(Matcher matcher) {
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        return spans;
    }
}
