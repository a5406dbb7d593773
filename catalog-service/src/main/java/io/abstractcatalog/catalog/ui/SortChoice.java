package io.abstractcatalog.catalog.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * One option of the form's sort menu. The empty value is the API's default order (best match with a query, most
 * recently updated without), so a URL without {@code sort} and the menu always agree.
 *
 * @param value    the API's sort token, or "" for the default
 * @param label    what a person reads
 * @param selected whether it is the order in force
 */
public record SortChoice(String value, String label, boolean selected) {

    /** The menu for a search with or without a query, the current {@code sort} (null for the default) selected. */
    static List<SortChoice> options(boolean hasQuery, String current) {
        String sort = current == null ? "" : current;
        List<SortChoice> options = new ArrayList<>();
        options.add(new SortChoice("", hasQuery ? "Best match" : "Recently updated", sort.isEmpty()));
        if (hasQuery) {
            options.add(new SortChoice("-updated", "Recently updated", sort.equals("-updated")));
        }
        options.add(new SortChoice("-year", "Newest year first", sort.equals("-year")));
        options.add(new SortChoice("year", "Oldest year first", sort.equals("year")));
        options.add(new SortChoice("title", "Title A–Z", sort.equals("title")));
        return List.copyOf(options);
    }
}
