package io.abstractcatalog.catalog.consume;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import io.abstractcatalog.catalog.testing.WorksTopic;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class WorkEventConsumptionTest {

    @Inject
    WorksTopic topic;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "catalog.consumer.group-id")
    String groupId;
    @ConfigProperty(name = "catalog.consumer.threads")
    int threads;

    @Test
    void aPublishedWorkAppearsWithItsSources() {
        String id = newId();
        topic.publish(work(id).title("Sum-Product Networks").abstractText("We introduce $\\mu$P.")
                .affiliations("The University of Tokyo").identifiers(List.of("10.1000/spn"), List.of("1202.3732"))
                .source("bucket", "001.txt", 1).upserted());

        JsonPath work = awaitWork(id);

        assertThat(work.getString("title")).isEqualTo("Sum-Product Networks");
        assertThat(work.getString("abstractText")).isEqualTo("We introduce $\\mu$P.");
        assertThat(work.getLong("version")).isEqualTo(1);
        assertThat(work.getList("affiliations")).containsExactly("The University of Tokyo");
        assertThat(work.getList("identifiers.doi")).containsExactly("10.1000/spn");
        assertThat(work.getList("identifiers.arxiv")).containsExactly("1202.3732");
        assertThat(work.getInt("memberCount")).isEqualTo(2);
        assertThat(work.getList("sources.key")).containsExactly("001.txt", id + ".txt"); // by bucket, key, ordinal
        when().get("/works/{id}/sources", id).then().statusCode(200)
                .body("results", hasSize(2))
                .body("meta.count", equalTo(2))
                .body("meta.countKind", equalTo("exact"))
                .body("meta.nextCursor", nullValue())
                .body("results[0].bucket", equalTo("bucket"))
                .body("results[0].key", equalTo("001.txt"))
                .body("results[0].contentHash", equalTo("hash-of-001.txt"))
                .body("results[0].format", equalTo("affiliation-page"))
                .body("results[0].ordinal", equalTo(1))
                .body("results[0].line", equalTo(3))
                .body("results[0].ingestedAt", equalTo("2026-01-05T10:00:00Z"));
    }

    @Test
    void anOlderOrEqualVersionReplayedChangesNothing() {
        String id = newId();
        int partition = topic.publish(work(id).version(2).title("Version two").affiliations("Kept").upserted());
        awaitWork(id);

        topic.publishTo(partition, work(id).version(1).title("Version one").affiliations("Old").upserted());
        topic.publishTo(partition, work(id).version(2).title("Version two, replayed differently")
                .affiliations("Replayed").noSources().upserted());
        String barrier = newId();
        topic.publishTo(partition, work(barrier).upserted()); // same partition: applied only after the two above
        awaitWork(barrier);

        JsonPath work = awaitWork(id);
        assertThat(work.getString("title")).isEqualTo("Version two");
        assertThat(work.getList("affiliations")).containsExactly("Kept");
        assertThat(work.getList("sources")).hasSize(1);
    }

    @Test
    void aNewerVersionReplacesTitleSourcesAndAffiliations() {
        String id = newId();
        topic.publish(work(id).version(1).title("First").affiliations("A", "B").upserted());
        awaitWork(id);

        topic.publish(work(id).version(2).title("Second").affiliations("C").noSources()
                .source("bucket", "new-1.txt", 0).source("bucket", "new-2.txt", 4).upserted());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> when().get("/works/{id}", id).then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("title", equalTo("Second"))
                .body("affiliations", contains("C"))
                .body("sources.key", containsInAnyOrder("new-1.txt", "new-2.txt")));
    }

    @Test
    void aRedirectAnswers301ToTheSurvivingWork() {
        String survivor = newId();
        String merged = newId();
        topic.publish(work(survivor).title("Survivor").upserted(), work(merged).title("Merged").upserted());
        awaitWork(merged);

        int partition = topic.publish(WorkEvent.redirected(merged, 2, survivor));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().redirects().follow(false)
                .when().get("/works/{id}", merged).then()
                .statusCode(301)
                .header("Location", "/works/" + survivor));
        given().redirects().follow(false).when().get("/works/{id}/sources", merged).then()
                .statusCode(301)
                .header("Location", "/works/" + survivor + "/sources");
        when().get("/works/{id}", merged).then().statusCode(200).body("workId", equalTo(survivor));

        // A late, older upsert of the merged id must not resurrect it.
        topic.publishTo(partition, work(merged).version(1).title("Resurrected?").upserted());
        String barrier = newId();
        topic.publishTo(partition, work(barrier).upserted());
        awaitWork(barrier);
        given().redirects().follow(false).when().get("/works/{id}", merged).then().statusCode(301);
    }

    @Test
    void aRedirectChainLeadsStraightToTheLastSurvivor() {
        String first = newId();
        String second = newId();
        String last = newId();
        topic.publish(work(first).upserted(), work(second).upserted(), work(last).upserted());
        awaitWork(first);

        topic.publish(WorkEvent.redirected(first, 2, second));
        topic.publish(WorkEvent.redirected(second, 2, last));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().redirects().follow(false)
                .when().get("/works/{id}", first).then()
                .statusCode(301)
                .header("Location", "/works/" + last));
    }

    @Test
    void aSchemaOneEventAlreadyOnTheTopicIsStillApplied() {
        String id = newId();
        // As dedup-service published works before schema 2: no authors, year, venue or PubMed ids.
        topic.publishRaw(0, id, "{\"schema\":\"work-event/1\",\"type\":\"UPSERTED\",\"workId\":\"" + id
                + "\",\"version\":1,\"work\":{\"workId\":\"" + id + "\",\"version\":1,\"title\":\"Old shape\","
                + "\"abstractText\":\"An abstract.\",\"affiliations\":[\"U\"],\"identifiers\":{\"doi\":[],"
                + "\"arxiv\":[\"1202.3732\"]},\"sources\":[],\"memberCount\":1,"
                + "\"updatedAt\":\"2026-11-23T10:00:00Z\"}}");

        JsonPath work = awaitWork(id);

        assertThat(work.getString("title")).isEqualTo("Old shape");
        assertThat(work.getList("authors")).isEmpty();
        assertThat(work.getInt("year")).as("the arXiv year, as before schema 2").isEqualTo(2012);
        assertThat(work.getList("identifiers.arxiv", String.class)).containsExactly("1202.3732");
    }

    @Test
    void aPoisonMessageIsSkippedAndLaterEventsStillApply() {
        String before = newId();
        int partition = topic.publish(work(before).upserted());
        awaitWork(before);

        topic.publishRaw(partition, "poison", "{ this is not JSON");
        topic.publishRaw(partition, "no-work", "{\"type\":\"UPSERTED\",\"workId\":\"w-x\",\"version\":1}");
        String after = newId();
        topic.publishTo(partition, work(after).title("After the poison").upserted());

        assertThat(awaitWork(after).getString("title")).isEqualTo("After the poison");
        when().get("/works/{id}", "w-x").then().statusCode(404);
    }

    @Test
    void anEventTheDatabaseRefusesIsSkippedAndTheRestOfTheBatchApplies() {
        String refused = newId();
        String fine = newId();
        // Too long to fit a btree index entry (random, so compression cannot shrink it): PostgreSQL refuses it.
        String hugeAffiliation = new Random(7).ints(30_000, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        topic.publish(work(refused).affiliations(hugeAffiliation).upserted(), work(fine).upserted());

        awaitWork(fine);
        when().get("/works/{id}", refused).then().statusCode(404);
    }

    @Test
    void anAbortedTransactionNeverReachesTheCatalog() {
        String aborted = newId();
        int partition = topic.publishAborted(work(aborted).upserted());
        String committed = newId();
        topic.publishTo(partition, work(committed).upserted()); // behind the aborted one

        awaitWork(committed);
        when().get("/works/{id}", aborted).then().statusCode(404);
    }

    @Test
    void theGroupsLagReachesZeroOnTheTransactionalTopic() throws Exception {
        String id = newId();
        int partition = topic.publish(work(id).upserted());
        awaitWork(id);

        TopicPartition works = new TopicPartition(Topics.WORKS.name(), partition);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            long end = admin.listOffsets(Map.of(works, OffsetSpec.latest())).partitionResult(works).get().offset();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin
                    .listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().get(works).offset())
                    .as("committed offset, past the commit marker").isEqualTo(end));
        }
    }

    @Test
    void eachConfiguredLoopIsAMemberOfTheGroupWithItsOwnPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var members = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId).get()
                        .members();
                assertThat(members).as("one member per loop").hasSize(threads);
                assertThat(members).allSatisfy(member -> assertThat(member.assignment().topicPartitions())
                        .as("partitions of %s", member.clientId()).isNotEmpty());
            });
        }
    }

    static JsonPath awaitWork(String id) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> given().redirects().follow(false).when().get("/works/{id}", id).then().extract(),
                response -> response.statusCode() == 200).jsonPath();
    }
}
