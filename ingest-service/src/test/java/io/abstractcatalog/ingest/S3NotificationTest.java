package io.abstractcatalog.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.ingest.bucket.MinioEvent;
import io.abstractcatalog.ingest.bucket.S3NotificationsProfile;
import io.abstractcatalog.ingest.bucket.S3ProxyServer;
import io.abstractcatalog.ingest.bucket.S3ProxyTestResource;
import io.abstractcatalog.ingest.metrics.IngestMetrics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An object written into the S3 bucket by another tool is ingested as soon as the store's notification arrives on
 * Kafka, not at the next periodic scan (an hour away here). S3Proxy sends no notifications, so the test publishes the
 * message MinIO's Kafka target would.
 */
@QuarkusTest
@TestProfile(S3NotificationsProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(EmptyBucketFolder.class)
class S3NotificationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "ingest.s3.endpoint")
    String endpoint;

    @Inject
    IngestMetrics metrics;

    @Test
    void anObjectAnnouncedByABucketNotificationIsIngestedWithoutWaitingForThePeriodicScan() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> metrics.scans() >= 1); // the scan at start is over
        long scansBefore = metrics.scans();
        try (S3Client client = S3ProxyServer.clientFor(endpoint)) {
            client.putObject(r -> r.bucket(S3ProxyTestResource.BUCKET).key("incoming/notified/page one.txt"),
                    RequestBody.fromString("Notified Institute\nAbstract:Found through a bucket notification.\n"));
        }
        Thread.sleep(2_000);
        given().get("/files/notified/page one.txt").then().statusCode(404); // nothing scans without the notification

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new ByteArraySerializer())) {
            // Sent until seen: the listener may still be taking up its position at the topic's end.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                send(producer, MinioEvent.json("s3:ObjectCreated:Put", S3ProxyTestResource.BUCKET,
                        "incoming%2Fnotified%2Fpage+one.txt"));
                given().get("/files/notified/page one.txt").then().statusCode(200).body("status", equalTo("DONE"))
                        .body("records", equalTo(1));
            });
        }
        assertThat(metrics.scans()).isGreaterThan(scansBefore);
        given().get("/q/health/ready").then().statusCode(200).body("checks[0].data.watch",
                containsString("listening to the bucket notifications on topic " + S3NotificationsProfile.TOPIC));
    }

    private static void send(KafkaProducer<String, byte[]> producer, String event) throws Exception {
        producer.send(new ProducerRecord<>(S3NotificationsProfile.TOPIC, "abstracts/incoming",
                event.getBytes(StandardCharsets.UTF_8))).get();
    }
}
