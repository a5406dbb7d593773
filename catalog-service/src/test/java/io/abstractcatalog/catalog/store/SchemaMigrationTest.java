package io.abstractcatalog.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Looks at the schema Flyway built, through the catalog's own datasource. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class SchemaMigrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyMigrationRanInOrder() throws SQLException {
        assertThat(column("SELECT regexp_replace(script, '^.*/', '') FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .containsExactly("V1__works.sql", "V2__work_sources.sql", "V3__work_affiliations.sql",
                        "V4__work_identifiers.sql", "V5__work_redirects.sql", "V6__work_year.sql",
                        "V7__query_indexes.sql", "V8__affiliation_newest_index.sql", "V9__search_recent_index.sql",
                        "V10__phrase_keys.sql", "V11__bibliographic_fields.sql",
                        "V12__author_word_newest_index.sql", "V13__works_without_abstract.sql",
                        "V14__work_matches.sql");
    }

    @Test
    void searchVectorIsAGeneratedTsvectorWithAGinIndex() throws SQLException {
        assertThat(column("""
                SELECT data_type || ' ' || is_generated FROM information_schema.columns
                WHERE table_name = 'work' AND column_name = 'search_vector'"""))
                .containsExactly("tsvector ALWAYS");
        // V9: one GIN index over the words and updated_at (btree_gin) replaced the GIN index over the words alone;
        // V10 added the one over the keys of adjacent word pairs.
        assertThat(column("SELECT indexdef FROM pg_indexes WHERE tablename = 'work' AND indexdef LIKE '%USING gin%'"
                + " ORDER BY indexname"))
                .satisfiesExactly(
                        keys -> assertThat(keys).asString().contains("work_phrase_keys_idx").contains("(phrase_keys)"),
                        words -> assertThat(words).asString().contains("work_search_recent_idx")
                                .contains("(search_vector, updated_at)"));
    }

    @Test
    void phraseKeysHoldTheKeyOfEveryAdjacentPairOfLexemes() throws SQLException {
        // Title and abstract are one sequence of positions (the title's last word next to the abstract's first); stop
        // words keep their positions, so "of the" leaves "kernels" and "graph-based" three apart.
        assertThat(ofWorkRolledBack("'Graph kernels', 'Kernels of the graph-based networks'", """
                phrase_keys = ARRAY(SELECT DISTINCT phrase_key(p) FROM unnest(ARRAY['graph kernel', 'kernel kernel',
                    'graph-bas graph', 'graph base', 'base network']) p ORDER BY 1)""")).isEqualTo("true");
    }

    @Test
    void titleWeighsMoreThanAbstractInTheSearchVector() throws SQLException {
        assertThat(ofWorkRolledBack("'Networks', 'Inference'", "search_vector::text"))
                .isEqualTo("'infer':2B 'network':1A");
    }

    @Test
    void aWorkWithoutAbstractIsStoredAsEmptyTextAndKeepsItsTitleSearchable() throws SQLException {
        // '' and not NULL: a NULL abstract would null the whole generated search vector and phrase keys (V1, V10, V13)
        assertThat(ofWorkRolledBack("'Deep learning', ''", "search_vector::text")).isEqualTo("'deep':1A 'learn':2A");
        assertThat(ofWorkRolledBack("'Deep learning', ''", "phrase_keys = ARRAY[phrase_key('deep learn')]"))
                .isEqualTo("true");
        assertThatThrownBy(() -> ofWorkRolledBack("'Deep learning', NULL", "1")).as("the column stays NOT NULL")
                .isInstanceOf(SQLException.class).hasMessageContaining("abstract_text");
    }

    @Test
    void worksWithoutAbstractHaveAPartialIndexNewestFirst() throws SQLException {
        assertThat(column("SELECT indexdef FROM pg_indexes WHERE indexname = 'work_without_abstract_updated_idx'"))
                .singleElement().asString().contains("(updated_at DESC, work_id)").contains("WHERE (abstract_text = ''::text)");
    }

    /** The expression's value (as text) on a work of the given title and abstract, inserted and rolled back. */
    private String ofWorkRolledBack(String titleAndAbstract, String expression) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var insert = connection.createStatement()) {
                insert.execute("INSERT INTO work (work_id, version, title, abstract_text, member_count, updated_at)"
                        + " VALUES ('w-schema-probe', 1, " + titleAndAbstract + ", 1, now())");
                try (ResultSet row = insert.executeQuery(
                        "SELECT (" + expression + ")::text FROM work WHERE work_id = 'w-schema-probe'")) {
                    row.next();
                    return row.getString(1);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void childRowsGoWithTheirWork() throws SQLException {
        assertThat(column("""
                SELECT conrelid::regclass::text FROM pg_constraint
                WHERE contype = 'f' AND confrelid = 'work'::regclass AND confdeltype = 'c'
                ORDER BY 1"""))
                .containsExactlyInAnyOrder("work_source", "work_affiliation", "work_identifier", "work_author",
                        "work_author_word", "work_match");
    }

    @Test
    void lookupColumnsAreIndexed() throws SQLException {
        assertThat(column("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname"))
                .contains("work_affiliation_newest_idx", "work_author_word_newest_idx", "work_identifier_kind_value_idx", "work_updated_at_idx",
                        "work_redirect_pkey", "work_source_pkey");
    }

    private List<String> column(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
