package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.problem.InvalidParameterException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders GET /works offers. A field name sorts ascending, a {@code -} prefix descending (JSON:API style);
 * {@code relevance} is always best match first. Every order ends in the work id, so the order is total and a keyset
 * cursor never skips or repeats a row.
 */
public enum SearchSort {
    RELEVANCE("relevance", "rank DESC, work_id ASC"),
    UPDATED("updated", "updated_at ASC, work_id DESC"),
    UPDATED_DESC("-updated", "updated_at DESC, work_id ASC"),
    TITLE("title", "title_key ASC, work_id ASC"),
    TITLE_DESC("-title", "title_key DESC, work_id DESC"),
    /** Works without a year come last both ways (their key is past every year: see the year keys in PageQuery). */
    YEAR("year", "year_asc_key ASC, work_id ASC"),
    YEAR_DESC("-year", "year_desc_key DESC, work_id ASC");

    private final String token;
    private final String orderBy;

    SearchSort(String token, String orderBy) {
        this.token = token;
        this.orderBy = orderBy;
    }

    public String token() {
        return token;
    }

    /** ORDER BY over the columns work_id, updated_at, title_key, the year keys and rank of the candidate rows. */
    String orderBy() {
        return orderBy;
    }

    static SearchSort parse(String value, boolean hasQuery) {
        if (value == null) {
            return hasQuery ? RELEVANCE : UPDATED_DESC;
        }
        for (SearchSort sort : values()) {
            if (sort.token.equals(value)) {
                if (sort == RELEVANCE && !hasQuery) {
                    throw new InvalidParameterException("sort", "sort=relevance needs a q to be relevant to. "
                            + "Add q, or sort by one of updated, -updated, title, -title, year, -year.");
                }
                return sort;
            }
        }
        String why = "-relevance".equals(value) ? "relevance is always best match first, it has no '-' form. "
                : "'" + brief(value) + "' is not a sort order. ";
        throw new InvalidParameterException("sort", why + "Use one of " + Arrays.stream(values())
                .map(SearchSort::token).collect(Collectors.joining(", ")) + " (a '-' prefix means descending).");
    }

    static String brief(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
