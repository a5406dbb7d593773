package io.abstractcatalog.catalog.ui;

import io.abstractcatalog.contract.Author;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** How the pages write authors' names. */
final class AuthorNames {

    /** A result names this many authors, then "et al.". */
    static final int SHOWN_IN_RESULTS = 3;

    private AuthorNames() {
    }

    /**
     * "Given Family" when the source told them apart, else the name as given: a list of "Hinton, Geoffrey E."-style
     * names separated by commas would be hard to read.
     */
    static String shown(Author author) {
        if (author == null) {
            return null;
        }
        if (author.given() != null && author.family() != null) {
            return author.given() + " " + author.family();
        }
        return author.name() != null ? author.name() : author.family();
    }

    /** The first three authors' names, then " et al." when there are more; null when none has a name. */
    static String firstFew(List<Author> authors) {
        if (authors == null) {
            return null;
        }
        List<String> names = authors.stream().map(AuthorNames::shown).filter(Objects::nonNull).toList();
        if (names.isEmpty()) {
            return null;
        }
        String shown = names.stream().limit(SHOWN_IN_RESULTS).collect(Collectors.joining(", "));
        return names.size() > SHOWN_IN_RESULTS ? shown + " et al." : shown;
    }
}
