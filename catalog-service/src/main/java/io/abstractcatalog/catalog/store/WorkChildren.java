package io.abstractcatalog.catalog.store;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.FoldedText;
import io.abstractcatalog.contract.SourceRef;
import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The child rows of works (sources, affiliations, identifiers, authors), written by {@link WorkWriter}. Children
 * follow the work rows: replaced whole, and only for works whose row itself changed, in one batch per table.
 */
final class WorkChildren {

    private static final String INSERT_SOURCE = """
            INSERT INTO work_source (work_id, record_id, bucket, object_key, content_hash, format, ordinal, line,
                                     source_id, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private WorkChildren() {
    }

    /** Replaces the child rows of the given works (whose rows the batch has just changed) by those they now hold. */
    static void replace(Connection connection, List<Work> works) throws SQLException {
        if (works.isEmpty()) {
            return;
        }
        List<String> ids = works.stream().map(Work::workId).toList();
        WorkWriter.executeForAll(connection, "DELETE FROM work_source WHERE work_id = ANY (?)", ids);
        WorkWriter.executeForAll(connection, "DELETE FROM work_affiliation WHERE work_id = ANY (?)", ids);
        WorkWriter.executeForAll(connection, "DELETE FROM work_identifier WHERE work_id = ANY (?)", ids);
        WorkWriter.executeForAll(connection, "DELETE FROM work_author WHERE work_id = ANY (?)", ids);
        WorkWriter.executeForAll(connection, "DELETE FROM work_author_word WHERE work_id = ANY (?)", ids);

        try (PreparedStatement insert = connection.prepareStatement(INSERT_SOURCE)) {
            for (Work work : works) {
                for (WorkSource source : work.sources()) {
                    SourceRef ref = source.source();
                    insert.setString(1, work.workId());
                    insert.setString(2, WorkWriter.clean(source.recordId()));
                    insert.setString(3, ref == null ? null : WorkWriter.clean(ref.bucket()));
                    insert.setString(4, ref == null ? null : WorkWriter.clean(ref.key()));
                    insert.setString(5, ref == null ? null : WorkWriter.clean(ref.contentHash()));
                    insert.setString(6, ref == null ? null : WorkWriter.clean(ref.format()));
                    WorkWriter.setNullableInt(insert, 7, ref == null ? null : ref.ordinal());
                    WorkWriter.setNullableInt(insert, 8, ref == null ? null : ref.line());
                    insert.setString(9, ref == null ? null : WorkWriter.clean(ref.sourceId()));
                    Columns.setInstant(insert, 10, source.ingestedAt());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO work_affiliation (work_id, affiliation, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Work work : works) {
                for (String affiliation : work.affiliations()) {
                    if (affiliation != null && !affiliation.isBlank()) {
                        insert.setString(1, work.workId());
                        insert.setString(2, WorkWriter.clean(affiliation.strip()));
                        // The work's own updated_at (V8): the affiliation filter's newest-first index reads it here.
                        Columns.setInstant(insert, 3, work.updatedAt());
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO work_identifier (work_id, kind, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Work work : works) {
                addIdentifiers(insert, work.workId(), "doi", work.identifiers().doi());
                addIdentifiers(insert, work.workId(), "arxiv", work.identifiers().arxiv());
                addIdentifiers(insert, work.workId(), "pmid", work.identifiers().pmid());
                addIdentifiers(insert, work.workId(), "pmcid", work.identifiers().pmcid());
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO work_author (work_id, position, name, name_key, name_words) VALUES (?, ?, ?, ?, ?)")) {
            for (Work work : works) {
                // position is a smallint: a list of thousands (a physics collaboration) keeps its first 32,767
                for (int position = 0; position < Math.min(work.authors().size(), Short.MAX_VALUE); position++) {
                    Author author = work.authors().get(position);
                    List<String> words = FoldedText.words(author.name());
                    if (words.isEmpty()) {
                        continue;
                    }
                    insert.setString(1, work.workId());
                    insert.setShort(2, (short) position);
                    insert.setString(3, WorkWriter.clean(author.name()));
                    insert.setString(4, String.join(" ", words));
                    insert.setArray(5, connection.createArrayOf("text", words.toArray()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO work_author_word (work_id, word, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Work work : works) {
                Set<String> words = new LinkedHashSet<>();
                for (int position = 0; position < Math.min(work.authors().size(), Short.MAX_VALUE); position++) {
                    words.addAll(FoldedText.words(work.authors().get(position).name()));
                }
                for (String word : words) {
                    insert.setString(1, work.workId());
                    insert.setString(2, word);
                    // The work's own updated_at (V12): the author filter's newest-first index reads it here.
                    Columns.setInstant(insert, 3, work.updatedAt());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void addIdentifiers(PreparedStatement insert, String workId, String kind, List<String> values)
            throws SQLException {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                insert.setString(1, workId);
                insert.setString(2, kind);
                insert.setString(3, WorkWriter.clean(value.strip()));
                insert.addBatch();
            }
        }
    }
}
