package io.abstractcatalog.dedup.eval;

import io.abstractcatalog.contract.RawRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Near-duplicates of real arXiv abstracts with the edits that real copies show: a dropped sentence, truncation,
 * LaTeX ↔ Unicode, typos, hyphenated line breaks, a revised sentence (v1 → v2), HTML entities and tags,
 * "Abstract:" labels and copyright trailers, a title with or without trailing punctuation or missing altogether.
 * Variants carry no identifier and no authors, so only the text path can find them: the hard case (the originals
 * carry arXiv's authors and journal reference). Seeded: the same seed gives
 * the same set.
 */
public final class SyntheticDuplicates {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z$\\\\(])");
    private static final String[][] LATEX_UNICODE = {
            {"$\\alpha$", "α"}, {"$\\beta$", "β"}, {"$\\gamma$", "γ"}, {"$\\mu$", "μ"}, {"$\\sigma$", "σ"},
            {"$\\lambda$", "λ"}, {"$\\pi$", "π"}, {"$\\tau$", "τ"}, {"$\\Omega$", "Ω"}, {"$\\sim$", "~"},
            {"$\\le$", "≤"}, {"$\\ge$", "≥"}, {"$\\times$", "×"}, {"$\\pm$", "±"}, {"$\\infty$", "∞"},
            {"\\'e", "é"}, {"\\'a", "á"}, {"\\\"o", "ö"}, {"\\\"u", "ü"}, {"\\`e", "è"}, {"\\c{c}", "ç"}};
    private static final Pattern SIMPLE_MATH = Pattern.compile("\\$\\\\(alpha|beta|gamma|mu|sigma|lambda|pi|tau|Omega|sim|le|ge|times|pm|infty)\\$");
    private static final Pattern POWER = Pattern.compile("\\^(\\{?)([0-9])(\\}?)");

    private SyntheticDuplicates() {
    }

    static LabelledSet generate(List<Map<String, String>> rows, long seed) {
        Random random = new Random(seed);
        List<RawRecord> records = new ArrayList<>();
        Map<String, String> gold = new HashMap<>();
        List<String> allSentences = new ArrayList<>();
        for (Map<String, String> row : rows) {
            allSentences.addAll(List.of(SENTENCE_END.split(flat(row.get("abstract")))));
        }
        int n = 0;
        for (Map<String, String> row : rows) {
            String id = "arxiv-" + String.format("%05d", n++);
            String title = flat(row.get("title"));
            String abstractText = row.get("abstract").strip();
            Integer year = year(row.get("update_date"));
            records.add(Datasets.withBibliography(Datasets.record(id, "arxiv", title, abstractText, row.get("doi"),
                    row.get("id"), year), authors(row.get("authors_parsed")), row.get("journal-ref")));
            gold.put(id, id);
            double roll = random.nextDouble();
            int variants = roll < 0.15 ? 2 : roll < 0.65 ? 1 : 0;
            for (int v = 0; v < variants; v++) {
                String variantId = id + "-v" + v;
                String variantTitle = random.nextBoolean() ? editTitle(title, random) : null;
                records.add(Datasets.record(variantId, "copy", variantTitle, edit(abstractText, random, allSentences),
                        null, null, year == null ? null : year + random.nextInt(2)));
                gold.put(variantId, id);
            }
        }
        return new LabelledSet("arXiv sample + synthetic near-duplicates (text only)", records, gold);
    }

    public static String edit(String text, Random random, List<String> allSentences) {
        String out = flat(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            out = switch (random.nextInt(9)) {
                case 0 -> dropSentence(out, random);
                case 1 -> truncate(out, random);
                case 2 -> latexToUnicode(out);
                case 3 -> unicodeToLatex(out);
                case 4 -> typos(out, random);
                case 5 -> hyphenate(out, random);
                case 6 -> revise(out, random, allSentences);
                case 7 -> html(out, random);
                default -> boilerplate(out, random);
            };
        }
        return out;
    }

    static String dropSentence(String text, Random random) {
        List<String> sentences = new ArrayList<>(List.of(SENTENCE_END.split(text)));
        if (sentences.size() < 3) {
            return text;
        }
        sentences.remove(1 + random.nextInt(sentences.size() - 1));
        return String.join(" ", sentences);
    }

    static String truncate(String text, Random random) {
        String[] words = text.split(" ");
        int keep = Math.max(8, (int) (words.length * (0.6 + 0.3 * random.nextDouble())));
        return keep >= words.length ? text : String.join(" ", List.of(words).subList(0, keep)) + " ...";
    }

    static String latexToUnicode(String text) {
        String out = text;
        for (String[] pair : LATEX_UNICODE) {
            out = out.replace(pair[0], pair[1]);
        }
        out = POWER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(superscript(m.group(2))));
        return out.replace("$", "");
    }

    static String unicodeToLatex(String text) {
        String out = text;
        for (String[] pair : LATEX_UNICODE) {
            out = out.replace(pair[1], pair[0]);
        }
        return out;
    }

    static String typos(String text, Random random) {
        String[] words = text.split(" ");
        int typos = Math.max(1, words.length / 50);
        for (int t = 0; t < typos; t++) {
            int i = random.nextInt(words.length);
            String w = words[i];
            if (w.length() < 4) {
                continue;
            }
            int at = 1 + random.nextInt(w.length() - 2);
            words[i] = switch (random.nextInt(3)) {
                case 0 -> w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2); // swap
                case 1 -> w.substring(0, at) + w.substring(at + 1); // drop
                default -> w.substring(0, at) + w.charAt(at) + w.substring(at); // double
            };
        }
        return String.join(" ", words);
    }

    static String hyphenate(String text, Random random) {
        String[] words = text.split(" ");
        for (int t = 0; t < 4; t++) {
            int i = random.nextInt(words.length);
            if (words[i].length() >= 8 && words[i].chars().allMatch(Character::isLetter)) {
                int at = 3 + random.nextInt(words[i].length() - 5);
                words[i] = words[i].substring(0, at) + "-\n" + words[i].substring(at);
            }
        }
        return String.join(" ", words);
    }

    static String revise(String text, Random random, List<String> allSentences) {
        List<String> sentences = new ArrayList<>(List.of(SENTENCE_END.split(text)));
        String foreign = allSentences.get(random.nextInt(allSentences.size()));
        if (sentences.size() >= 3) {
            sentences.set(1 + random.nextInt(sentences.size() - 1), foreign);
        } else {
            sentences.add(foreign);
        }
        return String.join(" ", sentences);
    }

    static String html(String text, Random random) {
        if (text.startsWith("<p>")) {
            return text; // a page is escaped once, not twice
        }
        String out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String[] words = out.split(" ");
        int i = random.nextInt(words.length);
        words[i] = "<i>" + words[i] + "</i>";
        return "<p>" + String.join(" ", words) + "</p>";
    }

    static String boilerplate(String text, Random random) {
        return random.nextBoolean() ? "Abstract: " + text
                : text + " © " + (2000 + random.nextInt(20)) + " Elsevier B.V. All rights reserved.";
    }

    static String editTitle(String title, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> title + ".";
            case 1 -> title.toUpperCase();
            case 2 -> title.replace(":", " -");
            default -> title;
        };
    }

    private static String superscript(String digit) {
        return String.valueOf("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(digit.charAt(0) - '0'));
    }

    private static Integer year(String updateDate) {
        Matcher m = Pattern.compile("(\\d{4})").matcher(updateDate == null ? "" : updateDate);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static final Pattern PARSED_AUTHOR = Pattern.compile("\\['((?:[^'\\\\]|\\\\.)*)', '((?:[^'\\\\]|\\\\.)*)', '[^']*'\\]");

    /** arXiv's {@code authors_parsed}: {@code [['Balázs', 'C.', ''], …]}, family name first. */
    static List<io.abstractcatalog.contract.Author> authors(String parsed) {
        List<io.abstractcatalog.contract.Author> authors = new ArrayList<>();
        Matcher m = PARSED_AUTHOR.matcher(parsed == null ? "" : parsed);
        while (m.find()) {
            authors.add(new io.abstractcatalog.contract.Author(null, m.group(1), m.group(2), null));
        }
        return authors;
    }

    static String flat(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
