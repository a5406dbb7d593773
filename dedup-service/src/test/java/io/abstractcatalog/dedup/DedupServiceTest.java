package io.abstractcatalog.dedup;

import static io.abstractcatalog.dedup.RawRecords.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The service against a real broker: exactly-once Kafka Streams from abstracts.raw to works. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DedupServiceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void publishesOneWorkPerDistinctAbstractToTheWorksTopic() {
        List<RawRecord> records = List.of(
                record("000.txt", 0, null, "Sum-product networks are models.", "The University of Tokyo"),
                record("001.txt", 2, null, "Sum-product networks are models.", "The University of Tokyo"),
                record("002.txt", 0, null, "Local learning of deep networks."),
                record("004.txt", 0, "Meta-Learning Update Rules", "A major goal of unsupervised learning."));
        produceInOneTransaction(records);

        Map<String, WorkEvent> works = new HashMap<>();
        try (KafkaConsumer<String, WorkEvent> consumer = committedReader()) {
            consumer.subscribe(List.of(Topics.WORKS.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value().type() == WorkEvent.Type.REDIRECTED) {
                        works.remove(r.key()); // the duplicate that arrived first had its own work for a moment
                    } else {
                        works.put(r.key(), r.value());
                    }
                });
                return works.size() == 3 && works.values().stream().anyMatch(e -> e.work().memberCount() == 2);
            });
        }

        assertThat(works.values()).extracting(e -> e.work().memberCount()).containsExactlyInAnyOrder(2, 1, 1);
        assertThat(works.values()).filteredOn(e -> e.work().title() != null)
                .singleElement().satisfies(e -> assertThat(e.work().title()).isEqualTo("Meta-Learning Update Rules"));
        works.forEach((key, event) -> assertThat(event.workId()).isEqualTo(key));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/status").then()
                .statusCode(200).body("state", equalTo("RUNNING")).body("approximateWorks", greaterThanOrEqualTo(3)));
    }

    @Test
    void reportsHealthIncludingKafkaStreams() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }

    private void produceInOneTransaction(List<RawRecord> records) {
        try (KafkaProducer<String, RawRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "dedup-test-" + UUID.randomUUID()),
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(r -> producer.send(new ProducerRecord<>(Topics.RAW.name(), r.recordId(), r)));
            producer.commitTransaction();
        }
    }

    private KafkaConsumer<String, WorkEvent> committedReader() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Topics.WORKS.keySerde().deserializer(), Topics.WORKS.valueSerde().deserializer());
    }
}
