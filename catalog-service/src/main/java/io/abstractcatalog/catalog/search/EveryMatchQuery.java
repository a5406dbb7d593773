package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.search.MatchingWorks.Works;

/**
 * The query of an export: every work matching q and the filters (the FROM and WHERE of {@link MatchingWorks}, as
 * the page query's "matches"), in the request's order, with what a reference manager needs of each. No window: an
 * export holds every match, so sort=relevance ranks them all. Pure: text and binds only.
 */
final class EveryMatchQuery {

    private EveryMatchQuery() {
    }

    static Sql of(SearchRequest request, PhrasePairs phrases) {
        // The sort keys under the names SearchSort's ORDER BY uses; each the expression of its index (V1, V7, V11),
        // so an ordered export of the whole catalog is an index walk that starts returning rows at once.
        Sql sql = Sql.of("SELECT w.work_id, w.title, w.abstract_text, w.member_count, w.year, w.first_seen,"
                + " w.updated_at, w.authors::text AS authors, w.venue, w.url, "
                + PageQuery.TITLE_KEY + " AS title_key, " + PageQuery.YEAR_ASC_KEY + " AS year_asc_key, "
                + PageQuery.YEAR_DESC_KEY + " AS year_desc_key,"
                + " ARRAY(SELECT a.affiliation FROM work_affiliation a WHERE a.work_id = w.work_id"
                + " ORDER BY a.affiliation) AS affiliations,"
                // kind:value, one array rather than one sub-select per kind: kinds hold no colon.
                + " ARRAY(SELECT i.kind || ':' || i.value FROM work_identifier i WHERE i.work_id = w.work_id"
                + " ORDER BY i.kind, i.value) AS identifiers");
        if (request.sort() == SearchSort.RELEVANCE) {
            sql.append(", ts_rank_cd(w.search_vector, query, 32) AS rank");
        }
        return sql.append(MatchingWorks.fromWhere(request, phrases, Works.ALL))
                .append(" ORDER BY " + request.sort().orderBy());
    }
}
