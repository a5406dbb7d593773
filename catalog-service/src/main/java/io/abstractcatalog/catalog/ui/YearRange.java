package io.abstractcatalog.catalog.ui;

/**
 * The page's year filter both ways: the form's "from" and "to" inputs become the API's one {@code year} parameter
 * (2018-2020, 2018-, -2020, 2020), and a {@code year} from a link (a year facet) fills the two inputs again. It does
 * not validate: the API explains a bad year, the page shows that explanation.
 *
 * @param from the first year as typed, or "" for none
 * @param to   the last year as typed, or "" for none
 */
public record YearRange(String from, String to) {

    public static final YearRange NONE = new YearRange("", "");

    /** The form's inputs when either was filled in (they are the newer choice), else the {@code year} parameter. */
    static YearRange of(String year, String from, String to) {
        String first = blank(from);
        String last = blank(to);
        if (!first.isEmpty() || !last.isEmpty()) {
            return new YearRange(first, last);
        }
        String text = blank(year);
        int dash = text.indexOf('-');
        return dash < 0 ? new YearRange(text, text)
                : new YearRange(text.substring(0, dash).strip(), text.substring(dash + 1).strip());
    }

    /** The API's {@code year} parameter, or null for no year filter; one year when both ends are the same. */
    String parameter() {
        if (from.isEmpty() && to.isEmpty()) {
            return null;
        }
        return from.equals(to) ? from : from + "-" + to;
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}
