package io.abstractcatalog.catalog.search;

/**
 * How a search finds its window (the newest matches it ranks or counts, see {@link RankWindow}).
 *
 * <p>PROBE takes the matches among the newest works (those updated since the probe's start, see {@link ProbeStarts}),
 * falling back to the full-text index when too few of them match; INDEX takes every match from the full-text index at
 * once. The planner's estimate of matches among the probed works picks the probe's depth: the window's probe, or twice,
 * four or eight times as many works for a query expected to be rarer, so that the window is expected to fill; a query
 * expected to be rarer still goes straight to the index, its probe could only find too few before falling back.
 */
enum WindowPath {
    PROBE,
    INDEX,
    /**
     * With author= rarer than the rest of the request: the author's works newest first, one walk of index
     * work_author_word_newest_idx (V12), each checked against q and the filters until the window is full (at most
     * every work of the author). The same window as the other paths: the newest matches.
     */
    AUTHOR;

    /**
     * Deepest probe: 8 times the window's probe. The GIN scan over that many works' updated_at entries (~0.15 us each;
     * ~12 ms for 80,000) then costs about what the full index costs for the queries that need it (three words of 18 %
     * frequency at 1M works: ~31 ms).
     */
    static final int MAX_DOUBLINGS = 3;

    /** The path of a probe depth as {@link #depth} gives it: none (0) means the index. */
    static WindowPath of(int depth) {
        return depth > 0 ? PROBE : INDEX;
    }

    /**
     * How many of the newest works to probe for a query of which the planner expects this many matches among the
     * window's probe: the first of probe, 2, 4, 8 x probe expected to hold more matches than the window; 0 for none.
     */
    static int depth(long estimatedProbeMatches, RankWindow window) {
        for (int doublings = 0; doublings <= MAX_DOUBLINGS; doublings++) {
            if (estimatedProbeMatches << doublings > window.size()) {
                return window.probe() << doublings;
            }
        }
        return 0;
    }
}
