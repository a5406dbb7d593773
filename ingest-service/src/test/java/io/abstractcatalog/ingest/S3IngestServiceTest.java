package io.abstractcatalog.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.abstractcatalog.contract.EventJson;
import io.abstractcatalog.ingest.api.FileResource;
import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.contract.FileStatus;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.ingest.bucket.S3BucketProfile;
import io.abstractcatalog.ingest.bucket.S3ProxyServer;
import io.abstractcatalog.ingest.bucket.S3ProxyTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The whole service on an S3-compatible bucket: S3Proxy in this JVM, a real broker, uploads through the API. */
@QuarkusTest
@TestProfile(S3BucketProfile.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(EmptyBucketFolder.class)
class S3IngestServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> SAMPLES = List.of("000_763c6eb23b8e6730.txt", "001_404e3f05a329715c.txt",
            "002_92fc8e9ffcbc002e.txt", "003_4445a41d3cddc1a5.txt", "004_cbec915a805da14a.txt");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "ingest.s3.endpoint")
    String endpoint;

    @Test
    void samplesUploadedIntoS3AreIngestedOnceAsTheyWouldBeFromAFolder() throws IOException {
        for (String sample : SAMPLES) {
            try (InputStream in = getClass().getResourceAsStream("/samples/" + sample)) {
                given().header("X-Api-Key", "test-api-key").contentType("application/octet-stream")
                        .body(in.readAllBytes()).put("/files/samples/" + sample).then().statusCode(201);
            }
        }
        // And one object written straight into the bucket by another tool, with a key sorting before the others.
        try (S3Client client = S3ProxyServer.clientFor(endpoint)) {
            client.putObject(r -> r.bucket(S3ProxyTestResource.BUCKET).key("incoming/samples/0-first.txt"),
                    RequestBody.fromString("MIT\nAbstract:Written by another tool.\n"));
        }

        await().atMost(PATIENCE).until(() -> files().stream().filter(e -> e.status() == FileStatus.DONE).count() == 6);
        assertThat(files()).extracting(FileLedgerEntry::records).containsExactly(1, 10, 10, 10, 10, 267);
        List<RawRecord> records = TopicReader.committed(bootstrap, Topics.RAW).stream()
                .map(TopicReader.Keyed::value).filter(r -> r.source().bucket().equals("s3-e2e")).toList();
        assertThat(records).hasSize(308);
        assertThat(records).extracting(RawRecord::recordId).doesNotHaveDuplicates();
        assertThat(records.stream().filter(r -> SAMPLES.stream().anyMatch(s -> r.source().key().endsWith(s)))).hasSize(307);
        given().get("/files/samples/004_cbec915a805da14a.txt").then().statusCode(200)
                .body("bucket", equalTo("s3-e2e")).body("records", equalTo(267)).body("size", equalTo(347047));
    }

    @Test
    void readyWhenTheS3BucketAnswersAHeadBucket() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks[0].data.bucket", containsString("s3://abstracts/incoming/ at " + endpoint))
                .body("checks[0].data.watch", containsString("none: new files are found by the periodic scan"));
    }

    private static List<FileLedgerEntry> files() {
        byte[] body = given().get("/files").then().statusCode(200).extract().asByteArray();
        return EventJson.read(body, FileResource.FileList.class).results();
    }
}
