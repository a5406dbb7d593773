package io.abstractcatalog.contract;

import java.util.List;

/**
 * Why a work's records are one work (schema 3 of {@link WorkEvent}): every pair of its members the matcher accepted,
 * counted, and the first {@link #MAX_PAIRS} of them in canonical order (by {@code recordA}, then {@code recordB}).
 * Both are functions of the work's records alone, whatever order they arrived in: every candidate pair inside the
 * work is verified, not only those union-find needed to join it. A work of one record has none.
 *
 * @param count how many pairs of members the matcher accepted (may exceed the pairs listed)
 * @param pairs the first {@link #MAX_PAIRS} of them, sorted
 */
public record WorkMatches(long count, List<WorkMatch> pairs) {

    /** Bounds the event: a work of many copies (a clique of n records has n(n-1)/2 pairs) lists this many. */
    public static final int MAX_PAIRS = 50;

    public static final WorkMatches NONE = new WorkMatches(0, List.of());

    public WorkMatches {
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }
}
