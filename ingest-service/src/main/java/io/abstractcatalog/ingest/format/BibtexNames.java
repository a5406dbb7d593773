package io.abstractcatalog.ingest.format;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.LatexText;
import java.util.ArrayList;
import java.util.List;

/**
 * BibTeX's rules for an {@code author} field: names separated by {@code and} outside braces; each name is
 * "First von Last", "von Last, First" or "von Last, Jr, First", where the von part is the lower-case words and
 * a braced group is one word that is never lower case ({@code {Barnes and Noble}} is one name). The family name
 * keeps its von part ("van Beethoven"); LaTeX is folded after splitting, so braces still protect what they group.
 */
final class BibtexNames {

    private BibtexNames() {
    }

    static List<Author> parse(String field) {
        List<Author> authors = new ArrayList<>();
        for (String name : splitOutsideBraces(field, true)) {
            Author author = person(name);
            if (author.name() != null) {
                authors.add(author);
            }
        }
        return authors;
    }

    private static Author person(String raw) {
        String name = LatexText.ofBibtex(raw).strip();
        List<String> parts = splitCommas(raw);
        String first;
        String vonLast;
        if (parts.size() == 1) {
            List<String> words = words(parts.get(0));
            int von = -1;
            for (int i = 0; i < words.size() - 1; i++) {
                if (isLowerCase(words.get(i))) {
                    von = i;
                    break;
                }
            }
            int lastStart = words.size() - 1;
            if (von >= 0) {
                // the Last part starts after the last lower-case word of the von part
                lastStart = von;
                for (int i = von; i < words.size() - 1; i++) {
                    if (isLowerCase(words.get(i))) {
                        lastStart = i + 1;
                    }
                }
            }
            int familyStart = von >= 0 ? von : lastStart;
            first = String.join(" ", words.subList(0, Math.max(0, familyStart)));
            vonLast = String.join(" ", words.subList(Math.max(0, familyStart), words.size()));
        } else {
            vonLast = parts.get(0);
            first = parts.get(parts.size() - 1);
        }
        return new Author(name, fold(vonLast), fold(first), null);
    }

    private static String fold(String latex) {
        String text = LatexText.ofBibtex(latex).strip();
        return text.isEmpty() ? null : text;
    }

    /** A word is lower case when its first letter outside braces is; a braced word ({@code {\'E}mile}) is not. */
    private static boolean isLowerCase(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '{') {
                return false;
            }
            if (Character.isLetter(c)) {
                return Character.isLowerCase(c);
            }
        }
        return false;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : splitOutsideBraces(text, false)) {
            if (!word.isBlank()) {
                words.add(word.strip());
            }
        }
        return words;
    }

    private static List<String> splitCommas(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).strip());
        return parts;
    }

    /** Splits on {@code and} between names ({@code byAnd}) or on whitespace between words, never inside braces. */
    private static List<String> splitOutsideBraces(String text, boolean byAnd) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        String normalized = text.replaceAll("\\s+", " ").strip();
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0 && c == ' ') {
                if (!byAnd) {
                    out.add(current.toString());
                    current.setLength(0);
                    continue;
                }
                if (normalized.regionMatches(true, i, " and ", 0, 5)) {
                    out.add(current.toString().strip());
                    current.setLength(0);
                    i += 4;
                    continue;
                }
            }
            current.append(c);
        }
        out.add(byAnd ? current.toString().strip() : current.toString());
        out.removeIf(String::isBlank);
        return out;
    }
}
