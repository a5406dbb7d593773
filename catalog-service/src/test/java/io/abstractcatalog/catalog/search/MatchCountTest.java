package io.abstractcatalog.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.http.ListMeta.CountKind;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * meta.count: counted up to a thousand matches, PostgreSQL's estimate above. The works are written straight into the
 * table inside a transaction that is rolled back, so other tests never see them.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class MatchCountTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void fewMatchesAreCountedAndManyAreEstimatedAndSaySo() throws Exception {
        String common = "cnt" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String rare = common + "rare";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insert(connection, common, 3_000, 0);
                insert(connection, rare, 7, 3_000);
                try (Statement analyze = connection.createStatement()) {
                    analyze.execute("ANALYZE work");
                }

                MatchCount few = MatchCount.of(connection, query(rare), PhrasePairs.NONE);
                MatchCount many = MatchCount.of(connection, query(common), PhrasePairs.NONE);

                assertThat(few).isEqualTo(new MatchCount(7, CountKind.EXACT));
                assertThat(many.kind()).isEqualTo(CountKind.ESTIMATE);
                // The planner's statistics are a sample: near the truth, not equal to it.
                assertThat(many.count()).isBetween(1_500L, 6_000L);
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void aMatchCountOfNothingIsAnExactZero() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(MatchCount.of(connection, query("nowordlikethis" + UUID.randomUUID().toString().substring(0, 8)),
                    PhrasePairs.NONE)).isEqualTo(new MatchCount(0, CountKind.EXACT));
        }
    }

    private static SearchRequest query(String word) {
        return Requests.of(word, null, null, null, null, null, "-updated", null, null, null, null);
    }

    private static void insert(Connection connection, String word, int works, int offset) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO work (work_id, version, abstract_text, member_count, updated_at)
                SELECT ? || g, 1, 'about ' || ?, 1, now() FROM generate_series(?, ?) g""")) {
            insert.setString(1, "w-" + word + "-");
            insert.setString(2, word);
            insert.setInt(3, offset);
            insert.setInt(4, offset + works - 1);
            insert.executeUpdate();
        }
    }
}
