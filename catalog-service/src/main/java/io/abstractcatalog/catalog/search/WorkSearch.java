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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search, filters, sorts, keyset paging and facets over the work table, in plain SQL.
 *
 * <p>q goes through PostgreSQL's {@code websearch_to_tsquery} (quoted phrases, {@code or}, {@code -word}, as users
 * type into search boxes; it never fails on syntax) against the generated, GIN-indexed tsvector, ranked by cover
 * density. Every value is a bind parameter. Snippets are computed only for the rows of the page, after the LIMIT.
 */
@ApplicationScoped
public class WorkSearch {

    /** The sort key of sort=title; must stay identical to the expression of index work_title_key_idx (V7). */
    static final String TITLE_KEY = "left(lower(coalesce(w.title, '')), 200)";
    static final int GROUP_SIZE = 20;

    /** Marks around matched words chosen so they cannot occur in the (translated) text, then turned into HTML. */
    private static final char START = '\u0002';
    private static final char STOP = '\u0003';
    private static final String HEADLINE_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP
            + ", MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=\" … \"";
    private static final String TITLE_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP + ", HighlightAll=true";

    private final AgroalDataSource dataSource;

    WorkSearch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public WorkPage search(SearchRequest request) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String sql = page(request, parameters);
        try (Connection connection = dataSource.getConnection()) {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, sql, parameters);
                 ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(Row.of(result, request));
                }
            }
            // One row more than asked for tells whether a next page exists, without a count query.
            boolean more = rows.size() > request.limit();
            List<Row> page = more ? rows.subList(0, request.limit()) : rows;
            Map<String, WorkAttributes> attributes = request.selects("affiliations") || request.selects("identifiers")
                    ? WorkAttributes.loadFor(connection, page.stream().map(Row::workId).toList()) : Map.of();
            List<WorkSummary> items = page.stream()
                    .map(row -> row.summary(attributes.getOrDefault(row.workId(), WorkAttributes.NONE))
                            .only(request.select()))
                    .toList();
            String next = more ? page.get(page.size() - 1).cursor(request).encode() : null;
            Map<String, List<GroupCount>> groups = null;
            if (!request.groupBy().isEmpty()) {
                groups = new LinkedHashMap<>();
                for (String group : request.groupBy()) {
                    groups.put(group, group(connection, request, group));
                }
            }
            return new WorkPage(items, next, groups);
        }
    }

    /** The page query: candidates (filtered, with sort keys), keyset condition, order, limit; then snippets. */
    static String page(SearchRequest request, List<Object> parameters) {
        boolean ranked = request.sort() == SearchSort.RELEVANCE;
        StringBuilder sql = new StringBuilder("SELECT page.*");
        boolean headlines = request.q() != null && (request.selects("snippet") || request.selects("titleHighlight"));
        if (headlines) {
            sql.append(", ts_headline('english', translate(page.abstract_text, E'\\x02\\x03', ''), hq, '")
                    .append(HEADLINE_OPTIONS).append("') AS snippet")
                    .append(", ts_headline('english', translate(coalesce(page.title, ''), E'\\x02\\x03', ''), hq, '")
                    .append(TITLE_OPTIONS).append("') AS title_highlight");
        }
        sql.append(" FROM (SELECT * FROM (SELECT w.work_id, w.title, w.abstract_text, w.member_count, w.year,"
                + " w.first_seen, w.updated_at, ").append(TITLE_KEY).append(" AS title_key");
        if (ranked) {
            // Normalization 32 maps the rank into [0, 1) without changing the order, so clients can show it.
            sql.append(", ts_rank_cd(w.search_vector, query, 32) AS rank");
        }
        fromWhere(request, sql, parameters);
        sql.append(") candidate");
        SearchCursor after = request.cursor();
        if (after != null) {
            switch (request.sort()) {
                case RELEVANCE -> {
                    // rank is a float4 computed the same way each time, so equality with the cursor's float is exact.
                    sql.append(" WHERE (rank < ? OR (rank = ? AND work_id > ?))");
                    parameters.add(after.rank());
                    parameters.add(after.rank());
                }
                case UPDATED_DESC -> {
                    // The redundant "updated_at <= ?" gives the index scan a start; the OR alone would be a filter
                    // applied to every row from the newest one down to the cursor.
                    sql.append(" WHERE updated_at <= ? AND (updated_at < ? OR (updated_at = ? AND work_id > ?))");
                    parameters.add(time(after.updatedAt()));
                    parameters.add(time(after.updatedAt()));
                    parameters.add(time(after.updatedAt()));
                }
                case UPDATED -> {
                    sql.append(" WHERE updated_at >= ? AND (updated_at > ? OR (updated_at = ? AND work_id < ?))");
                    parameters.add(time(after.updatedAt()));
                    parameters.add(time(after.updatedAt()));
                    parameters.add(time(after.updatedAt()));
                }
                case TITLE -> {
                    sql.append(" WHERE (title_key, work_id) > (?, ?");
                    parameters.add(after.key());
                }
                case TITLE_DESC -> {
                    sql.append(" WHERE (title_key, work_id) < (?, ?");
                    parameters.add(after.key());
                }
            }
            if (request.sort() == SearchSort.TITLE || request.sort() == SearchSort.TITLE_DESC) {
                sql.append(")");
            }
            parameters.add(after.workId());
        }
        sql.append(" ORDER BY ").append(request.sort().orderBy()).append(" LIMIT ?) page");
        parameters.add(request.limit() + 1);
        if (headlines) {
            sql.append(", websearch_to_tsquery('english', ?) hq");
            parameters.add(request.q());
        }
        sql.append(" ORDER BY ").append(request.sort().orderBy());
        return sql.toString();
    }

    /** FROM and WHERE of the works matching q and the filters (alias w; the query as "query" when q is given). */
    private static void fromWhere(SearchRequest request, StringBuilder sql, List<Object> parameters) {
        sql.append(" FROM work w");
        if (request.q() != null) {
            sql.append(", websearch_to_tsquery('english', ?) query");
            parameters.add(request.q());
        }
        sql.append(" WHERE TRUE");
        if (request.q() != null) {
            sql.append(" AND w.search_vector @@ query");
        }
        if (request.affiliation() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM work_affiliation a"
                    + " WHERE a.work_id = w.work_id AND lower(a.affiliation) = lower(?))");
            parameters.add(request.affiliation());
        }
        if (request.source() != null) {
            // A file key or a format: two indexed probes rather than an OR that no index serves.
            sql.append(" AND (EXISTS (SELECT 1 FROM work_source s WHERE s.work_id = w.work_id AND s.object_key = ?)"
                    + " OR EXISTS (SELECT 1 FROM work_source s WHERE s.work_id = w.work_id AND s.format = ?))");
            parameters.add(request.source());
            parameters.add(request.source());
        }
        if (request.hasDuplicates() != null) {
            sql.append(request.hasDuplicates() ? " AND w.member_count > 1" : " AND w.member_count <= 1");
        }
        if (request.doi() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM work_identifier i"
                    + " WHERE i.work_id = w.work_id AND i.kind = 'doi' AND lower(i.value) = ?)");
            parameters.add(request.doi());
        }
        if (request.yearFrom() != null) {
            sql.append(" AND w.year >= ?");
            parameters.add(request.yearFrom());
        }
        if (request.yearTo() != null) {
            sql.append(" AND w.year <= ?");
            parameters.add(request.yearTo());
        }
    }

    /** Facet counts over all works matching q and the filters (the cursor does not narrow them). */
    private static List<GroupCount> group(Connection connection, SearchRequest request, String group) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String sql = groupSql(request, group, parameters);
        List<GroupCount> counts = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, sql, parameters);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.add(new GroupCount(rows.getString("key"), rows.getLong("n")));
            }
        }
        return counts;
    }

    static String groupSql(SearchRequest request, String group, List<Object> parameters) {
        StringBuilder matching = new StringBuilder("SELECT w.work_id, w.year");
        fromWhere(request, matching, parameters);
        String sql = switch (group) {
            case "affiliation" -> "SELECT min(a.affiliation) AS key, count(*) AS n FROM work_affiliation a JOIN ("
                    + matching + ") m ON m.work_id = a.work_id GROUP BY lower(a.affiliation) ORDER BY n DESC, key";
            case "source" -> "SELECT s.object_key AS key, count(DISTINCT s.work_id) AS n FROM work_source s JOIN ("
                    + matching + ") m ON m.work_id = s.work_id WHERE s.object_key IS NOT NULL"
                    + " GROUP BY s.object_key ORDER BY n DESC, key";
            case "format" -> "SELECT s.format AS key, count(DISTINCT s.work_id) AS n FROM work_source s JOIN ("
                    + matching + ") m ON m.work_id = s.work_id WHERE s.format IS NOT NULL"
                    + " GROUP BY s.format ORDER BY n DESC, key";
            case "year" -> "SELECT m.year::text AS key, count(*) AS n FROM (" + matching + ") m"
                    + " WHERE m.year IS NOT NULL GROUP BY m.year ORDER BY m.year DESC";
            default -> throw new IllegalArgumentException(group);
        };
        parameters.add(GROUP_SIZE);
        return sql + " LIMIT ?";
    }

    static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** ts_headline output (plain text with START/STOP marks) as safe HTML: text escaped, marks as {@code <mark>}. */
    static String highlightHtml(String marked) {
        if (marked == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(marked.length() + 32);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> html.append("<mark>");
                case STOP -> html.append("</mark>");
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }

    /** A result row before its affiliations and identifiers are attached. */
    private record Row(String workId, String title, String abstractText, int memberCount, Integer year,
                       Instant firstSeen, Instant updatedAt, String titleKey, Float rank, String snippet,
                       String titleHighlight) {

        static Row of(ResultSet result, SearchRequest request) throws SQLException {
            boolean headlines = request.q() != null && (request.selects("snippet") || request.selects("titleHighlight"));
            return new Row(result.getString("work_id"), result.getString("title"), result.getString("abstract_text"),
                    result.getInt("member_count"), result.getObject("year", Integer.class),
                    Columns.instant(result, "first_seen"), Columns.instant(result, "updated_at"),
                    result.getString("title_key"),
                    request.sort() == SearchSort.RELEVANCE ? result.getFloat("rank") : null,
                    headlines ? highlightHtml(result.getString("snippet")) : null,
                    headlines && result.getString("title") != null
                            ? highlightHtml(result.getString("title_highlight")) : null);
        }

        SearchCursor cursor(SearchRequest request) {
            String key = switch (request.sort()) {
                case RELEVANCE -> Float.toString(rank);
                case UPDATED, UPDATED_DESC -> updatedAt.toString();
                case TITLE, TITLE_DESC -> titleKey;
            };
            return new SearchCursor(request.sort().token(), request.fingerprint(), key, workId);
        }

        WorkSummary summary(WorkAttributes attributes) {
            return new WorkSummary(workId, title, abstractText, attributes.affiliations(), attributes.identifiers(),
                    memberCount, year, firstSeen, updatedAt, rank, snippet, titleHighlight);
        }
    }
}
