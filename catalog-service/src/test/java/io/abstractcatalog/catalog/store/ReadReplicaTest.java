package io.abstractcatalog.catalog.store;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.uniqueTag;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.abstractcatalog.catalog.testing.WorksApi.ids;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.abstractcatalog.catalog.testing.WorksTopic;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresReplicaTestResource;
import io.abstractcatalog.embedded.PostgresServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads off the primary: with {@code quarkus.datasource.reads} on a real streaming replica, searches are served by the
 * replica (a work the replica has not replayed yet is not listed), lookups by id fall back to the primary (no false 404
 * right after a write), and the replica catches up by itself.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresReplicaTestResource.class)
class ReadReplicaTest {

    @Inject
    WorksTopic topic;

    @Test
    void searchesReadTheReplicaAndLookupsFallBackToThePrimaryUntilItCatchesUp() throws Exception {
        String tag = uniqueTag();
        String first = newId();
        long published = System.nanoTime();
        topic.publish(work(first).title("replicated first").affiliations(tag).upserted());
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(Map.of("affiliation", tag)).contains(first));
        System.out.printf("a work was searchable on the replica %d ms after it was published%n",
                (System.nanoTime() - published) / 1_000_000);
        assertThat(single(PostgresReplicaTestResource.replicaJdbcUrl(), "SELECT pg_is_in_recovery()::text")).isEqualTo("true");

        // Freeze the replica's replay: what the consumer writes now reaches the primary only.
        single(PostgresReplicaTestResource.replicaJdbcUrl(), "SELECT pg_wal_replay_pause()::text");
        try {
            String second = newId();
            topic.publish(work(second).title("written while the replica waits").affiliations(tag).upserted());
            await().atMost(Duration.ofSeconds(30)).until(() -> "1".equals(single(PostgresReplicaTestResource.primaryJdbcUrl(),
                    "SELECT count(*) FROM work WHERE work_id = '" + second + "'")));

            assertThat(ids(Map.of("affiliation", tag))).as("the search is served by the paused replica").containsExactly(first);
            given().get("/works/" + second).then().statusCode(200); // read-your-writes: the primary has it
            given().get("/works/" + second + "/sources").then().statusCode(200);
            given().get("/works/w-never-written").then().statusCode(404);
        } finally {
            single(PostgresReplicaTestResource.replicaJdbcUrl(), "SELECT pg_wal_replay_resume()::text");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(Map.of("affiliation", tag)).size() == 2);
    }

    private static String single(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
