package io.abstractcatalog.catalog.search;

import io.abstractcatalog.contract.http.ListMeta;
import io.abstractcatalog.contract.http.ListMeta.CountKind;
import io.abstractcatalog.contract.http.Listing;
import io.abstractcatalog.catalog.store.ReadDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search, filters, sorts, keyset paging and facets over the work table, in plain SQL.
 *
 * <p>q goes through PostgreSQL's {@code websearch_to_tsquery} (quoted phrases, {@code or}, {@code -word}, as users
 * type into search boxes; it never fails on syntax) against the generated, GIN-indexed tsvector, ranked by cover
 * density within a bounded window of matches (see {@link PageQuery}). Every value is a bind parameter. Snippets,
 * affiliations and identifiers are computed only for the rows of the page, after the LIMIT.
 *
 * <p>This class runs a search: {@link SearchPlanner} chooses how, {@link PageQuery} and {@link FacetQuery} build
 * the statements, {@link PageRow} reads the page's rows.
 */
@ApplicationScoped
public class WorkSearch {

    private final AgroalDataSource dataSource;
    private final ProbeStarts probeStarts;
    private final RankWindow rankWindow;
    private final RankWindow facetWindow;

    WorkSearch(@DataSource(ReadDatabase.NAME) AgroalDataSource dataSource, ProbeStarts probeStarts, SearchSettings settings) {
        this.dataSource = dataSource;
        this.probeStarts = probeStarts;
        this.rankWindow = new RankWindow(settings.rankWindow(), settings.rankProbe());
        this.facetWindow = new RankWindow(settings.facetWindow(), Math.max(settings.facetWindow(), settings.rankProbe()));
    }

    public WorkPage search(SearchRequest request) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return search(connection, request, rankWindow, facetWindow, null, probeStarts);
        }
    }

    /**
     * Everything GET /works asks of the database, on one connection: the planner's look-ups, the page query
     * (attributes included), the count ({@link MatchCount}: mostly from what the page query and the plan already
     * know, a statement of its own only when they do not) and one query per facet. The windows are found by the
     * given path, or by the one the
     * planner's estimate picks (null); tests run each to show they find the same window, and the benchmark's
     * direct-SQL side runs exactly this.
     */
    static WorkPage search(Connection connection, SearchRequest request, RankWindow rankWindow,
                           RankWindow facetWindow, WindowPath path, ProbeStarts starts) throws SQLException {
        SearchPlan plan = SearchPlanner.plan(connection, request, rankWindow, facetWindow, path, starts);
        List<PageRow> rows = new ArrayList<>();
        long candidates = 0;
        Long matched = null;
        try (PreparedStatement query = PageQuery.of(request, plan).prepare(connection);
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(PageRow.of(result, request));
                if (request.sort() == SearchSort.RELEVANCE) {
                    candidates = result.getLong("candidates");
                    matched = result.getObject("matched", Long.class);
                }
            }
        }
        // One row more than asked for tells whether a next page exists.
        boolean more = rows.size() > request.limit();
        List<PageRow> page = more ? rows.subList(0, request.limit()) : rows;
        List<WorkSummary> items = page.stream().map(row -> row.summary().only(request.select())).toList();
        String next = more ? page.get(page.size() - 1).cursor(request).encode() : null;
        MatchCount matches = MatchCount.of(connection, request, plan, new MatchCount.Seen(rows.size(), candidates, matched));
        Map<String, Listing<GroupCount>> groups = null;
        boolean partialGroups = false;
        if (!request.groupBy().isEmpty()) {
            groups = new LinkedHashMap<>();
            for (String group : request.groupBy()) {
                Counts counts = count(connection, FacetQuery.of(request, plan.phrases(), group, plan.facets()),
                        facetWindow);
                // Over a window of the matches, the number of distinct values is only what the window holds.
                groups.put(group, new Listing<>(new ListMeta(counts.distinct(),
                        counts.partial() ? CountKind.ESTIMATE : CountKind.EXACT, FacetQuery.GROUP_SIZE, null),
                        counts.values()));
                partialGroups |= counts.partial();
            }
        }
        return new WorkPage(new ListMeta(matches.count(), matches.kind(), request.limit(), next), items, groups,
                candidates > rankWindow.size() ? rankWindow.size() : null, partialGroups ? facetWindow.size() : null);
    }

    /**
     * A facet's most frequent values, how many distinct values it has, and whether they cover only the facet window
     * of a larger set of matches.
     */
    private record Counts(List<GroupCount> values, long distinct, boolean partial) {
    }

    private static Counts count(Connection connection, Sql facet, RankWindow window) throws SQLException {
        List<GroupCount> counts = new ArrayList<>();
        boolean partial = false;
        long distinct = 0;
        try (PreparedStatement query = facet.prepare(connection);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.add(new GroupCount(rows.getString("key"), rows.getLong("n")));
                partial = rows.getLong("counted") > window.size();
                distinct = rows.getLong("distinct_values");
            }
        }
        return new Counts(counts, distinct, partial);
    }
}
