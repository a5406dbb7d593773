package io.abstractcatalog.catalog.search;

/**
 * How many matches sort=relevance ranks at most (size: the most recently updated ones), and among about how many of
 * the newest works they are looked for before falling back to the full-text index (probe). See PageQuery.
 */
record RankWindow(int size, int probe) {

    RankWindow {
        if (size < 1 || probe < size) {
            throw new IllegalArgumentException("rank window " + size + " must be at least 1 and at most the probe " + probe);
        }
    }
}
