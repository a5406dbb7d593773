package io.abstractcatalog.catalog.search;

import java.time.Instant;

/**
 * A window (see {@link RankWindow}) as one search finds it: by which path and, on path PROBE, among the works updated
 * since which start ({@link ProbeStarts}; null reads every work).
 */
record WindowScan(RankWindow window, WindowPath path, Instant since) {
}
