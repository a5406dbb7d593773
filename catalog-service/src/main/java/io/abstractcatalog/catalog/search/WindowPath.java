package io.abstractcatalog.catalog.search;

/**
 * How a search finds its window (the newest matches it ranks or counts, see {@link RankWindow}).
 *
 * <p>PROBE takes the matches among the newest works (those updated since the probe's start, see {@link ProbeStarts}),
 * falling back to the full-text index when too few of them match; INDEX takes every match from the full-text index at
 * once. A query the planner expects to match fewer of the probed works than the window holds goes straight to the
 * index: its probe could only find too few before falling back.
 */
public enum WindowPath {
    PROBE,
    INDEX;

    /** The path for a query of which the planner expects this many matches among the probed works. */
    public static WindowPath choose(long estimatedProbeMatches, RankWindow window) {
        return estimatedProbeMatches > window.size() ? PROBE : INDEX;
    }
}
