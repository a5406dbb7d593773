package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.store.Columns;
import io.abstractcatalog.catalog.store.WorkAttributes;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Full-text search and listing over the work table. With q: PostgreSQL's {@code websearch_to_tsquery} (quotes,
 * {@code or}, {@code -word}, as users type into search boxes) against the generated, GIN-indexed tsvector, ranked
 * by cover density. Without q: newest first. Both page by keyset.
 */
@ApplicationScoped
class WorkSearch {

    private static final String COLUMNS = "w.work_id, w.title, w.abstract_text, w.member_count, w.first_seen, w.updated_at";

    private static final String AFFILIATION_FILTER = """
            EXISTS (SELECT 1 FROM work_affiliation a WHERE a.work_id = w.work_id AND lower(a.affiliation) = lower(?))""";

    private final AgroalDataSource dataSource;

    WorkSearch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    WorkPage search(SearchRequest request) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String sql = request.q() == null ? listing(request, parameters) : fullText(request, parameters);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(Row.of(result, request.q() != null));
                }
            }
            // One row more than asked for tells whether a next page exists, without a count query.
            boolean more = rows.size() > request.limit();
            List<Row> page = more ? rows.subList(0, request.limit()) : rows;
            Map<String, WorkAttributes> attributes =
                    WorkAttributes.loadFor(connection, page.stream().map(Row::workId).toList());
            List<WorkSummary> items = page.stream().map(row -> row.summary(attributes.get(row.workId()))).toList();
            String next = more ? page.get(page.size() - 1).cursor().encode() : null;
            return new WorkPage(items, next);
        }
    }

    private static String listing(SearchRequest request, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM work w WHERE TRUE");
        if (request.affiliation() != null) {
            sql.append(" AND ").append(AFFILIATION_FILTER);
            parameters.add(request.affiliation());
        }
        if (request.cursor() instanceof SearchCursor.ByUpdate after) {
            // Descending time, ascending id: the rows after (t, id) are older, or as old with a greater id.
            sql.append(" AND (w.updated_at < ? OR (w.updated_at = ? AND w.work_id > ?))");
            OffsetDateTime at = OffsetDateTime.ofInstant(after.updatedAt(), ZoneOffset.UTC);
            parameters.add(at);
            parameters.add(at);
            parameters.add(after.workId());
        }
        sql.append(" ORDER BY w.updated_at DESC, w.work_id LIMIT ?");
        parameters.add(request.limit() + 1);
        return sql.toString();
    }

    private static String fullText(SearchRequest request, List<Object> parameters) {
        // Normalization 32 maps the rank into [0, 1) without changing the order, so clients can show it.
        StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT " + COLUMNS
                + ", ts_rank_cd(w.search_vector, query, 32) AS rank"
                + " FROM work w, websearch_to_tsquery('english', ?) query"
                + " WHERE w.search_vector @@ query");
        parameters.add(request.q());
        if (request.affiliation() != null) {
            sql.append(" AND ").append(AFFILIATION_FILTER);
            parameters.add(request.affiliation());
        }
        sql.append(") ranked");
        if (request.cursor() instanceof SearchCursor.ByRank after) {
            // rank is a float4 computed the same way each time, so equality with the cursor's float is exact.
            sql.append(" WHERE (rank < ? OR (rank = ? AND work_id > ?))");
            parameters.add(after.rank());
            parameters.add(after.rank());
            parameters.add(after.workId());
        }
        sql.append(" ORDER BY rank DESC, work_id LIMIT ?");
        parameters.add(request.limit() + 1);
        return sql.toString();
    }

    /** A result row before its affiliations and identifiers are attached. */
    private record Row(String workId, String title, String abstractText, int memberCount, Instant firstSeen,
                       Instant updatedAt, Float rank) {

        static Row of(ResultSet result, boolean ranked) throws SQLException {
            return new Row(result.getString("work_id"), result.getString("title"), result.getString("abstract_text"),
                    result.getInt("member_count"), Columns.instant(result, "first_seen"),
                    Columns.instant(result, "updated_at"), ranked ? result.getFloat("rank") : null);
        }

        SearchCursor cursor() {
            return rank == null ? new SearchCursor.ByUpdate(updatedAt, workId) : new SearchCursor.ByRank(rank, workId);
        }

        WorkSummary summary(WorkAttributes attributes) {
            return new WorkSummary(workId, title, abstractText, attributes.affiliations(), attributes.identifiers(),
                    memberCount, firstSeen, updatedAt, rank);
        }
    }
}
