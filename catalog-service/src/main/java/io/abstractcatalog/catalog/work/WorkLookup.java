package io.abstractcatalog.catalog.work;

import io.abstractcatalog.catalog.store.Columns;
import io.abstractcatalog.catalog.store.WorkAttributes;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one work, its sources, or where a merged work went ({@link ReadYourWrites}: a replica, then the primary). */
@ApplicationScoped
public class WorkLookup {

    /** Redirect chains are short (a merge of merges); the bound only guards against a cycle in bad data. */
    private static final int MAX_REDIRECT_HOPS = 16;

    private static final String FOLLOW_REDIRECTS = """
            WITH RECURSIVE chain (id, hops) AS (
                SELECT to_id, 1 FROM work_redirect WHERE from_id = ?
                UNION ALL
                SELECT r.to_id, c.hops + 1 FROM work_redirect r JOIN chain c ON r.from_id = c.id WHERE c.hops < ?
            )
            SELECT id FROM chain ORDER BY hops DESC LIMIT 1
            """;

    private final ReadYourWrites database;

    WorkLookup(ReadYourWrites database) {
        this.database = database;
    }

    public Optional<WorkDetail> find(String workId) throws SQLException {
        return database.readSnapshot(connection -> find(connection, workId));
    }

    /**
     * The id of the work known by an identifier ({@code doi}, {@code arxiv}, {@code pmid}, {@code pmcid}; the value
     * normalized as every service normalizes it); the work with the smallest id when several hold it.
     */
    public Optional<String> workIdBy(String kind, String normalizedValue) throws SQLException {
        return database.read(source -> workIdBy(source, kind, normalizedValue));
    }

    /** The sources of a work, or empty when no such work exists (as opposed to a work without sources). */
    Optional<List<SourceView>> sources(String workId) throws SQLException {
        return database.read(source -> sources(source, workId));
    }

    /** The id a merged work now lives under, following chains to the survivor; empty when the id was never merged. */
    public Optional<String> survivorOf(String workId) throws SQLException {
        return database.read(source -> survivorOf(source, workId));
    }

    private static Optional<WorkDetail> find(Connection connection, String workId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT work_id, version, title, abstract_text, member_count, first_seen, updated_at,
                       authors::text AS authors, year, venue, url
                FROM work WHERE work_id = ?""")) {
            query.setString(1, workId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                WorkAttributes attributes = WorkAttributes.loadFor(connection, List.of(workId)).get(workId);
                String abstractText = Columns.abstractText(row, "abstract_text");
                return Optional.of(new WorkDetail(workId, row.getLong("version"), row.getString("title"),
                        abstractText, abstractText != null, Columns.authors(row, "authors"),
                        row.getObject("year", Integer.class), row.getString("venue"), row.getString("url"),
                        attributes.affiliations(), attributes.identifiers(),
                        row.getInt("member_count"), Columns.instant(row, "first_seen"),
                        Columns.instant(row, "updated_at"), sources(connection, workId)));
            }
        }
    }

    private static Optional<String> workIdBy(AgroalDataSource source, String kind, String normalizedValue) throws SQLException {
        try (Connection connection = source.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT min(work_id) FROM work_identifier WHERE kind = ? AND value = ?")) {
            query.setString(1, kind);
            query.setString(2, normalizedValue);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return Optional.ofNullable(row.getString(1));
            }
        }
    }

    private static Optional<List<SourceView>> sources(AgroalDataSource source, String workId) throws SQLException {
        try (Connection connection = source.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM work WHERE work_id = ?")) {
            query.setString(1, workId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(sources(connection, workId)) : Optional.empty();
            }
        }
    }

    private static Optional<String> survivorOf(AgroalDataSource source, String workId) throws SQLException {
        try (Connection connection = source.getConnection();
             PreparedStatement query = connection.prepareStatement(FOLLOW_REDIRECTS)) {
            query.setString(1, workId);
            query.setInt(2, MAX_REDIRECT_HOPS);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    static List<SourceView> sources(Connection connection, String workId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT record_id, bucket, object_key, content_hash, format, ordinal, line, source_id, ingested_at
                FROM work_source WHERE work_id = ?
                ORDER BY bucket, object_key, ordinal, record_id""")) {
            query.setString(1, workId);
            List<SourceView> sources = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    sources.add(new SourceView(row.getString("record_id"), row.getString("bucket"),
                            row.getString("object_key"), row.getString("content_hash"), row.getString("format"),
                            row.getObject("ordinal", Integer.class), row.getObject("line", Integer.class),
                            row.getString("source_id"), Columns.instant(row, "ingested_at")));
                }
            }
            return sources;
        }
    }
}
