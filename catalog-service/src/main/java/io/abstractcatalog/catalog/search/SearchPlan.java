package io.abstractcatalog.catalog.search;

/**
 * How one search runs, as {@link SearchPlanner} chose it from the database's parse of q and its estimates; the
 * request itself stays only what the client asked.
 *
 * @param phrases     what q's phrases require ({@link PhrasePairs}), NONE when q holds none (or PostgreSQL's parse
 *                    of it is a form this code does not know, which only makes a phrase search slower)
 * @param titleLookup whether works whose title holds q as a phrase join the ranked window however old they are (see
 *                    {@link PageQuery}): for a plain q whose pairs' keys few works hold
 * @param rank        how the rank window is found (path null when the request is not ranked and no path was given)
 * @param facets      how the facet window is found, or null without group_by
 * @param matches     the planner's estimate of all the works matching q and the filters, from the estimates the
 *                    plan was chosen by (no statement of its own), or null when it made none (see {@link MatchCount})
 */
record SearchPlan(PhrasePairs phrases, boolean titleLookup, WindowScan rank, WindowScan facets, Long matches) {
}
