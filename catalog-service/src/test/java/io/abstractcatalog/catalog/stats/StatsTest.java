package io.abstractcatalog.catalog.stats;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.uniqueTag;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import io.abstractcatalog.catalog.testing.WorksTopic;

/** Other tests share the database, so this one asserts how its own events move the counts. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class StatsTest {

    @Inject
    WorksTopic topic;

    @Test
    void statsCountWorksRecordsDuplicatesFilesAffiliationsAndRedirects() {
        JsonPath before = stats();
        String tag = uniqueTag();
        String single = newId();
        String duplicated = newId();
        String merged = newId();
        String sharedFile = "shared-" + newId() + ".txt";
        topic.publish(
                work(single).noSources().source("bucket", sharedFile, 0).affiliations(tag).upserted(),
                work(duplicated).noSources().source("bucket", sharedFile, 1).source("other", sharedFile, 0)
                        .source("bucket", "third-" + newId() + ".txt", 0).affiliations(tag.toUpperCase(), "Another " + tag)
                        .updatedAt(Instant.parse("2999-01-01T00:00:00Z")).upserted(),
                work(merged).upserted());
        topic.publish(WorkEvent.redirected(merged, 2, duplicated));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath after = stats();
            assertThat(after.getLong("works") - before.getLong("works")).isEqualTo(2);
            assertThat(after.getLong("records") - before.getLong("records")).isEqualTo(4);
            assertThat(after.getLong("worksWithDuplicates") - before.getLong("worksWithDuplicates")).isEqualTo(1);
            // (bucket, shared), (other, shared), (bucket, third): same key in two buckets is two files.
            assertThat(after.getLong("files") - before.getLong("files")).isEqualTo(3);
            // tag and TAG are one affiliation.
            assertThat(after.getLong("affiliations") - before.getLong("affiliations")).isEqualTo(2);
            assertThat(after.getLong("redirects") - before.getLong("redirects")).isEqualTo(1);
            assertThat(after.getString("lastUpdated")).isEqualTo("2999-01-01T00:00:00Z");
        });
    }

    private static JsonPath stats() {
        return when().get("/stats").then().statusCode(200).extract().jsonPath();
    }
}
