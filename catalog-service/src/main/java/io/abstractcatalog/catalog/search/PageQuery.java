package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.search.MatchingWorks.Works;
import io.abstractcatalog.contract.Identifiers;
import java.util.List;

/**
 * The page query of GET /works: candidates (filtered, with sort keys), keyset condition, order, limit; then, for the
 * page's rows only, snippets, affiliations and identifiers (sub-selects instead of two more round trips). Pure: text
 * and binds only.
 *
 * <p>Relevance ranks a bounded candidate set, the window: the {@code window.size()} most recently updated
 * matches (all of them when fewer match), fetched one row larger so "candidates" tells whether matches were left
 * unranked. Finding them never costs more than one of two bounded plans: "probe" takes the matches among the works
 * updated since the probe's start (about the newest {@code window.probe()} works, or up to 8 times as many for a
 * query the planner expects to be rarer, see {@link WindowPath#depth} and {@link ProbeStarts}); if more than the
 * window size match there, the newest of them are the window. The planner reads those works newest first and
 * stops early for a word found in half the catalog, and uses the GIN index over words and updated_at for rarer
 * ones (V9). Otherwise the query is rare, and "matches" takes all its matches through the GIN index. Each branch
 * runs only when its one-time condition holds; a planner choice between the two on estimates alone could scan
 * the whole table for a phrase whose words are common but whose matches are rare. When the estimate already says
 * the query is rare ({@link WindowPath#INDEX}), the probe is left out: it could only find too few. With author=
 * rarer than the rest ({@link WindowPath#AUTHOR}), the window is the first matches of one walk of the author's works,
 * newest first. The window's rows carry how many matches there are when finding it read them all (see
 * {@link MatchCount}).
 *
 * <p>A window of the newest matches misses an older work searched for by its title, the commonest search there
 * is. So when matches were left out and q is plain words, the newest {@code window.size()} works whose title
 * holds q as a phrase ("titled", found through the keys of its adjacent pairs, V10) are ranked with the window,
 * whatever their age. They are looked up only when the planner expects at most
 * {@link SearchPlanner#MAX_TITLE_HOLDERS} works to hold the keys ({@link SearchPlan#titleLookup}).
 */
final class PageQuery {

    /** The sort key of sort=title; must stay identical to the expression of index work_title_key_idx (V7). */
    static final String TITLE_KEY = "left(lower(coalesce(w.title, '')), 200)";
    /**
     * The sort keys of sort=year and sort=-year; must stay identical to the expressions of indexes work_year_asc_idx
     * and work_year_desc_idx (V11). A work without a year sorts after every year both ways.
     */
    static final String YEAR_ASC_KEY = "coalesce(w.year, 32767)";
    static final String YEAR_DESC_KEY = "coalesce(w.year, 0)";
    /** The kinds of work_identifier, in the order of {@link Identifiers}' lists. */
    private static final List<String> IDENTIFIER_KINDS = List.of("doi", "arxiv", "pmid", "pmcid");

    /** The candidate columns with work_id and updated_at (the keyset columns) from the given alias. */
    private static String candidateColumns(String keys) {
        return keys + ".work_id, w.title, w.abstract_text, w.member_count, w.year, w.first_seen, " + keys
                + ".updated_at, " + TITLE_KEY + " AS title_key, " + YEAR_ASC_KEY + " AS year_asc_key, "
                + YEAR_DESC_KEY + " AS year_desc_key, w.authors, w.venue, w.url";
    }
    /** The columns of a candidate row (alias w), from which the page and its cursor are built. */
    private static final String CANDIDATE_COLUMNS = candidateColumns("w");
    /** A candidate of sort=relevance: with what ts_rank_cd needs (the work's tsvector and the query). */
    private static final String RANKED_COLUMNS = CANDIDATE_COLUMNS + ", w.search_vector, query";

    private PageQuery() {
    }

    /** The page query of the request, its window found as the plan says. */
    static Sql of(SearchRequest request, SearchPlan plan) {
        boolean ranked = request.sort() == SearchSort.RELEVANCE;
        boolean titles = ranked && plan.titleLookup();
        RankWindow window = plan.rank().window();
        Sql sql = new Sql();
        if (ranked) {
            sql.append(WindowQuery.sources(request, plan.phrases(), plan.rank(), RANKED_COLUMNS))
                    .append(", window_matches AS MATERIALIZED (SELECT windowed.*, count(*) OVER () AS candidates, ")
                    .append(WindowQuery.matched(plan.rank()))
                    .append(" AS matched FROM (")
                    .append(WindowQuery.windowed(request, plan.rank(), RANKED_COLUMNS))
                    .append(") windowed ORDER BY windowed.updated_at DESC, windowed.work_id LIMIT ?) ", window.size());
        }
        if (titles) {
            sql.append(", titled AS MATERIALIZED (SELECT " + RANKED_COLUMNS)
                    .append(MatchingWorks.fromWhere(request, plan.phrases(), Works.TITLED))
                    .append(" ORDER BY w.updated_at DESC, w.work_id LIMIT ?) ", window.size());
        }
        sql.append("SELECT page.work_id, page.title, page.abstract_text, page.member_count,"
                + " page.year, page.first_seen, page.updated_at, page.title_key, page.year_asc_key, page.year_desc_key,"
                + " page.authors::text AS authors, page.venue, page.url");
        if (ranked) {
            sql.append(", page.rank, page.candidates, page.matched");
        }
        boolean headlines = headlines(request);
        if (headlines) {
            sql.append(", ts_headline('english', translate(page.abstract_text, E'\\x02\\x03', ''), hq, '"
                    + Highlight.SNIPPET_OPTIONS + "') AS snippet"
                    + ", ts_headline('english', translate(coalesce(page.title, ''), E'\\x02\\x03', ''), hq, '"
                    + Highlight.TITLE_OPTIONS + "') AS title_highlight");
        }
        if (request.selects("affiliations")) {
            sql.append(", ARRAY(SELECT a.affiliation FROM work_affiliation a WHERE a.work_id = page.work_id"
                    + " ORDER BY a.affiliation) AS affiliations");
        }
        if (request.selects("identifiers")) {
            for (String kind : IDENTIFIER_KINDS) {
                sql.append(", ARRAY(SELECT i.value FROM work_identifier i WHERE i.work_id = page.work_id AND i.kind = '"
                        + kind + "' ORDER BY i.value) AS ids_" + kind);
            }
        }
        sql.append(" FROM (SELECT * FROM (");
        if (ranked) {
            // Normalization 32 maps the rank into [0, 1) without changing the order, so clients can show it.
            sql.append("SELECT ranked.*, ts_rank_cd(ranked.search_vector, ranked.query, 32) AS rank"
                    + " FROM (SELECT * FROM window_matches");
            if (titles) {
                // Only when matches were left out of the window: else every title holder is in it already.
                sql.append(" UNION ALL SELECT t.*, (SELECT max(candidates) FROM window_matches),"
                        + " (SELECT max(matched) FROM window_matches) FROM titled t"
                        + " WHERE (SELECT max(candidates) FROM window_matches) > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM window_matches m WHERE m.work_id = t.work_id)", window.size());
            }
            sql.append(") ranked");
        } else if (request.affiliation() != null
                && (request.sort() == SearchSort.UPDATED_DESC || request.sort() == SearchSort.UPDATED)) {
            sql.append("SELECT " + candidateColumns("a"))
                    .append(MatchingWorks.fromWhere(request, plan.phrases(), Works.BY_AFFILIATION));
        } else if (!request.authorWords().isEmpty()
                && (request.sort() == SearchSort.UPDATED_DESC || request.sort() == SearchSort.UPDATED)) {
            sql.append("SELECT " + candidateColumns("aw"))
                    .append(MatchingWorks.fromWhere(request, plan.phrases(), Works.BY_AUTHOR));
        } else {
            sql.append("SELECT " + CANDIDATE_COLUMNS)
                    .append(MatchingWorks.fromWhere(request, plan.phrases(), Works.ALL));
        }
        sql.append(") candidate");
        if (request.cursor() != null) {
            sql.append(after(request.cursor(), request.sort()));
        }
        sql.append(" ORDER BY " + request.sort().orderBy() + " LIMIT ?) page", request.limit() + 1);
        if (headlines) {
            sql.append(", websearch_to_tsquery('english', ?) hq", request.q());
        }
        return sql.append(" ORDER BY " + request.sort().orderBy());
    }

    /** Whether the page query computes the snippet and the title's highlights (then named snippet, title_highlight). */
    static boolean headlines(SearchRequest request) {
        return request.q() != null && (request.selects("snippet") || request.selects("titleHighlight"));
    }

    /** The keyset condition: the rows after the cursor in the sort's order. */
    private static Sql after(SearchCursor after, SearchSort sort) {
        return switch (sort) {
            // rank is a float4 computed the same way each time, so equality with the cursor's float is exact.
            case RELEVANCE -> Sql.of(" WHERE (rank < ? OR (rank = ? AND work_id > ?))",
                    after.rank(), after.rank(), after.workId());
            // The redundant "updated_at <= ?" gives the index scan a start; the OR alone would be a filter applied to
            // every row from the newest one down to the cursor.
            case UPDATED_DESC -> Sql.of(" WHERE updated_at <= ? AND (updated_at < ? OR (updated_at = ? AND work_id > ?))",
                    Sql.timestamp(after.updatedAt()), Sql.timestamp(after.updatedAt()),
                    Sql.timestamp(after.updatedAt()), after.workId());
            case UPDATED -> Sql.of(" WHERE updated_at >= ? AND (updated_at > ? OR (updated_at = ? AND work_id < ?))",
                    Sql.timestamp(after.updatedAt()), Sql.timestamp(after.updatedAt()),
                    Sql.timestamp(after.updatedAt()), after.workId());
            case TITLE -> Sql.of(" WHERE (title_key, work_id) > (?, ?)", after.key(), after.workId());
            case TITLE_DESC -> Sql.of(" WHERE (title_key, work_id) < (?, ?)", after.key(), after.workId());
            case YEAR -> Sql.of(" WHERE (year_asc_key, work_id) > (?, ?)", after.year(), after.workId());
            // As for -updated: the redundant bound gives the index scan its start.
            case YEAR_DESC -> Sql.of(" WHERE year_desc_key <= ? AND (year_desc_key < ? OR (year_desc_key = ? AND work_id > ?))",
                    after.year(), after.year(), after.year(), after.workId());
        };
    }
}
