package io.abstractcatalog.catalog.export;

import io.abstractcatalog.catalog.search.WorkSummary;
import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.FoldedText;
import java.util.List;
import java.util.Set;

/**
 * A work's BibTeX citation key: first author's family name, year and first significant title word, folded to ASCII
 * ({@code bao2017leucocyte}), then a dash and the first {@link #ID_CHARACTERS} letters and digits of the work id.
 * The key depends on the work alone, so it is the same in every export (a query's or the whole catalog's); the id's
 * part tells apart works with the same author, year and word (the ids are hashes: two such works share it with a
 * chance of 1 in 16^8).
 */
final class BibtexKey {

    static final int ID_CHARACTERS = 8;
    /** Words a title starting with them is not known by. */
    private static final Set<String> SKIPPED = Set.of("a", "an", "the", "on", "of", "in", "for", "and", "to", "with",
            "from", "at", "by", "is", "are", "how", "what", "why", "do", "does", "can", "towards", "toward");

    private BibtexKey() {
    }

    static String of(WorkSummary work) {
        return family(work.authors()) + (work.year() == null ? "nd" : work.year()) + titleWord(work.title()) + "-"
                + idPart(work.workId());
    }

    private static String family(List<Author> authors) {
        if (authors == null || authors.isEmpty()) {
            return "anon";
        }
        Author first = authors.get(0);
        String name = ascii(String.join("", FoldedText.words(first.family() != null ? first.family() : first.name())));
        return name.isEmpty() ? "anon" : name;
    }

    private static String titleWord(String title) {
        for (String word : FoldedText.words(title)) {
            String letters = ascii(word);
            if (!letters.isEmpty() && !SKIPPED.contains(letters)) {
                return letters;
            }
        }
        return "";
    }

    private static String idPart(String workId) {
        String id = ascii(workId.startsWith("w-") ? workId.substring(2) : workId);
        return id.length() <= ID_CHARACTERS ? id : id.substring(0, ID_CHARACTERS);
    }

    /** Lower-case ASCII letters and digits only: what every BibTeX and LaTeX reads in a key. */
    private static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.toLowerCase(java.util.Locale.ROOT).chars().filter(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                .forEach(c -> out.append((char) c));
        return out.toString();
    }
}
