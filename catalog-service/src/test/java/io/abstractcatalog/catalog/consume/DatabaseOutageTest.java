package io.abstractcatalog.catalog.consume;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.uniqueTag;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.abstractcatalog.catalog.testing.WorksTopic;

/**
 * The real PostgreSQL goes away while events arrive, then comes back: consumption pauses (readiness DOWN, status
 * RETRYING), resumes by itself, and every event is applied exactly once: nothing lost, nothing doubled.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RestartablePostgresResource.class)
class DatabaseOutageTest {

    @Inject
    WorksTopic topic;

    @Inject
    WorkEventConsumer consumer;

    @Inject
    MeterRegistry registry;

    @Test
    void consumptionPausesWhileThePostgresServerIsDownAndResumesWithoutLossOrDoubles() throws Exception {
        String tag = uniqueTag();
        List<String> before = new ArrayList<>();
        List<WorkEvent> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            before.add(newId());
            first.add(work(before.get(i)).title("before " + i).affiliations(tag).upserted());
        }
        topic.publish(first.toArray(WorkEvent[]::new));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(tag) == 20);
        double appliedBefore = applied();

        RestartablePostgresResource.stopServer();
        // Mid-stream: new works, newer versions of earlier ones, and a replay of an old event, in several transactions.
        List<String> during = new ArrayList<>();
        for (int batch = 0; batch < 5; batch++) {
            List<WorkEvent> events = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String id = newId();
                during.add(id);
                events.add(work(id).title("during " + batch + "-" + i).affiliations(tag).upserted());
            }
            events.add(work(before.get(batch)).version(2).title("updated " + batch).affiliations(tag).upserted());
            events.add(first.get(10 + batch)); // a replay: must change nothing
            topic.publish(events.toArray(WorkEvent[]::new));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.status() == WorkEventConsumer.Status.RETRYING);
        given().get("/q/health/ready").then().statusCode(503);
        Thread.sleep(1500); // several retry rounds (backoff 200 ms in tests) while the database is away
        assertThat(consumer.status()).isEqualTo(WorkEventConsumer.Status.RETRYING);
        assertThat(applied()).isEqualTo(appliedBefore);

        RestartablePostgresResource.startServer();
        await().atMost(Duration.ofSeconds(60)).until(() -> count(tag) == 70 && updated(tag) == 5);
        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.status() == WorkEventConsumer.Status.CONSUMING);
        given().get("/q/health/ready").then().statusCode(200);

        // Exactly once: 50 new works + 5 updates applied, the 5 replays stale; nothing else.
        await().atMost(Duration.ofSeconds(10)).until(() -> applied() - appliedBefore == 55);
        Thread.sleep(1000);
        assertThat(applied() - appliedBefore).isEqualTo(55);
        Map<String, Long> versions = versions(tag);
        assertThat(versions).hasSize(70);
        for (int i = 0; i < 20; i++) {
            assertThat(versions.get(before.get(i))).as(before.get(i)).isEqualTo(i < 5 ? 2L : 1L);
        }
        assertThat(during).allSatisfy(id -> assertThat(versions).containsEntry(id, 1L));
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT count(*) FROM work_source s JOIN work_affiliation a ON a.work_id = s.work_id
                     WHERE a.affiliation = ?""")) {
            query.setString(1, tag);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).as("one source row per work, none doubled").isEqualTo(70);
            }
        }
    }

    private double applied() {
        var counter = registry.find("catalog.work.events").tag("outcome", "applied").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(RestartablePostgresResource.jdbcUrl(), "postgres", "postgres");
    }

    private static long count(String tag) {
        return versions(tag).size();
    }

    private static long updated(String tag) {
        return versions(tag).values().stream().filter(v -> v == 2L).count();
    }

    private static Map<String, Long> versions(String tag) {
        Map<String, Long> versions = new HashMap<>();
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT w.work_id, w.version FROM work w JOIN work_affiliation a ON a.work_id = w.work_id
                     WHERE a.affiliation = ?""")) {
            query.setString(1, tag);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (Exception e) {
            return Map.of(); // the server is down: nothing to see yet
        }
        return versions;
    }
}
