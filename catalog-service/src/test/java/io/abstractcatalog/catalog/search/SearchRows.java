package io.abstractcatalog.catalog.search;

import io.abstractcatalog.contract.FoldedText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * Works written straight into the tables (work, and an author's work_author and work_author_word rows as WorkWriter
 * writes them), for tests of search statements that need thousands of works or their planner statistics; the
 * callers roll the transaction back, so other tests never see them.
 */
final class SearchRows {

    private SearchRows() {
    }

    /** A word no other test's work holds (letters only: the text search parser keeps it one word). */
    static String uniqueWord(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).replaceAll("[0-9]", "q");
    }

    /**
     * Works w-{prefix}-{first}..{first + count - 1} whose abstract is the given text; the higher the number, the
     * older (one second apart), and every {@code duplicateEvery}-th (0: none) was merged from two records.
     */
    static void works(Connection connection, String prefix, int first, int count, String text, int duplicateEvery)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO work (work_id, version, abstract_text, member_count, updated_at)
                SELECT ? || g, 1, ?, CASE WHEN ? > 0 AND g % ? = 0 THEN 2 ELSE 1 END,
                       timestamptz '2026-01-01T00:00:00Z' - g * interval '1 second'
                FROM generate_series(?, ?) g""")) {
            insert.setString(1, "w-" + prefix + "-");
            insert.setString(2, text);
            insert.setInt(3, duplicateEvery);
            insert.setInt(4, Math.max(1, duplicateEvery));
            insert.setInt(5, first);
            insert.setInt(6, first + count - 1);
            insert.executeUpdate();
        }
    }

    /** The given authors (in order) on works w-{prefix}-{first}..{first + count - 1}, written as WorkWriter does. */
    static void authors(Connection connection, String prefix, int first, int count, List<String> names)
            throws SQLException {
        for (int position = 0; position < names.size(); position++) {
            List<String> words = FoldedText.words(names.get(position));
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO work_author (work_id, position, name, name_key, name_words)
                    SELECT ? || g, ?, ?, ?, ? FROM generate_series(?, ?) g""")) {
                insert.setString(1, "w-" + prefix + "-");
                insert.setInt(2, position);
                insert.setString(3, names.get(position));
                insert.setString(4, String.join(" ", words));
                insert.setArray(5, connection.createArrayOf("text", words.toArray()));
                insert.setInt(6, first);
                insert.setInt(7, first + count - 1);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO work_author_word (work_id, word, updated_at)
                    SELECT w.work_id, word, w.updated_at FROM work w, unnest(?::text[]) word
                    WHERE w.work_id IN (SELECT ? || g FROM generate_series(?, ?) g) ON CONFLICT DO NOTHING""")) {
                insert.setArray(1, connection.createArrayOf("text", words.toArray()));
                insert.setString(2, "w-" + prefix + "-");
                insert.setInt(3, first);
                insert.setInt(4, first + count - 1);
                insert.executeUpdate();
            }
        }
    }

    /** Fresh planner statistics for the rows written (inside the transaction: rolled back with them). */
    static void analyze(Connection connection) throws SQLException {
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("ANALYZE work");
            analyze.execute("ANALYZE work_author");
            analyze.execute("ANALYZE work_author_word");
        }
    }
}
