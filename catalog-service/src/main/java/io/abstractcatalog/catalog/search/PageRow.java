package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.store.Columns;
import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.Identifiers;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** A result row of the page query ({@link PageQuery}): a work's summary and the sort keys its cursor is made of. */
record PageRow(String workId, String title, String abstractText, int memberCount, Integer year,
               Instant firstSeen, Instant updatedAt, String titleKey, int yearAscKey, int yearDescKey,
               List<Author> authors, String venue, String url, Float rank, String snippet,
               String titleHighlight, List<String> affiliations, Identifiers identifiers) {

    static PageRow of(ResultSet result, SearchRequest request) throws SQLException {
        boolean headlines = PageQuery.headlines(request);
        String abstractText = Columns.abstractText(result, "abstract_text");
        return new PageRow(result.getString("work_id"), result.getString("title"), abstractText,
                result.getInt("member_count"), result.getObject("year", Integer.class),
                Columns.instant(result, "first_seen"), Columns.instant(result, "updated_at"),
                result.getString("title_key"), result.getInt("year_asc_key"), result.getInt("year_desc_key"),
                Columns.authors(result, "authors"), result.getString("venue"), result.getString("url"),
                request.sort() == SearchSort.RELEVANCE ? result.getFloat("rank") : null,
                headlines && abstractText != null ? Highlight.html(result.getString("snippet")) : null,
                headlines && result.getString("title") != null
                        ? Highlight.html(result.getString("title_highlight")) : null,
                request.selects("affiliations") ? strings(result.getArray("affiliations")) : List.of(),
                request.selects("identifiers")
                        ? new Identifiers(strings(result.getArray("ids_doi")), strings(result.getArray("ids_arxiv")),
                                strings(result.getArray("ids_pmid")), strings(result.getArray("ids_pmcid")))
                        : Identifiers.NONE);
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    SearchCursor cursor(SearchRequest request) {
        String key = switch (request.sort()) {
            case RELEVANCE -> Float.toString(rank);
            case UPDATED, UPDATED_DESC -> updatedAt.toString();
            case TITLE, TITLE_DESC -> titleKey;
            case YEAR -> Integer.toString(yearAscKey);
            case YEAR_DESC -> Integer.toString(yearDescKey);
        };
        return new SearchCursor(request.sort().token(), request.fingerprint(), key, workId);
    }

    WorkSummary summary() {
        return new WorkSummary(workId, title, abstractText, abstractText != null, authors, venue, url, affiliations,
                identifiers,
                memberCount, year, firstSeen, updatedAt, rank, snippet, titleHighlight);
    }
}
