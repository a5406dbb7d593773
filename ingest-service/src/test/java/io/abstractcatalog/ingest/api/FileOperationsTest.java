package io.abstractcatalog.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.abstractcatalog.contract.http.Problem;
import io.abstractcatalog.contract.EventJson;
import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.contract.FileStatus;
import io.abstractcatalog.contract.RecordIdentity;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.ingest.EmptyBucketFolder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Uploads, retries and their protection, on the running service (local bucket, real broker). The test profile sets
 * {@code ingest.api-key=test-api-key} and a 64 KiB upload limit.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(EmptyBucketFolder.class)
class FileOperationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String KEY = "test-api-key";
    private static final String PAGE = "MIT\nAbstract:First uploaded abstract.\nAbstract:Second uploaded abstract.\n";

    @ConfigProperty(name = "ingest.bucket.path")
    Path bucket;

    @Test
    void uploadedFileIsStoredWholeAndIngested() throws IOException {
        byte[] content = PAGE.getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(RecordIdentity.sha256().digest(content));

        withKey().body(content).put("/files/ops/sub/page.txt").then()
                .statusCode(201)
                .header("Location", endsWith("/files/ops/sub/page.txt"))
                .body("bucket", equalTo("local"))
                .body("key", equalTo("ops/sub/page.txt"))
                .body("size", equalTo(content.length))
                .body("contentHash", equalTo(sha256));

        assertThat(bucket.resolve("ops/sub/page.txt")).hasBinaryContent(content);
        try (Stream<Path> staged = Files.list(bucket.resolve(".uploads"))) {
            assertThat(staged).as("nothing left in the staging folder").isEmpty();
        }
        FileLedgerEntry entry = awaitSettled("ops/sub/page.txt");
        assertThat(entry.status()).isEqualTo(FileStatus.DONE);
        assertThat(entry.records()).isEqualTo(2);
        assertThat(entry.contentHash()).isEqualTo(sha256);
        given().get("/q/metrics").then().body(containsString("ingest_uploads_total"))
                .body(containsString("ingest_upload_bytes_total"));
    }

    @Test
    void uploadsNeedTheApiKey() {
        given().body(PAGE.getBytes(StandardCharsets.UTF_8)).put("/files/ops/nokey.txt").then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(401))
                .body("detail", containsString("X-Api-Key"));
        given().header(ApiKeyGuard.HEADER, "wrong").body(PAGE.getBytes(StandardCharsets.UTF_8)).put("/files/ops/wrongkey.txt").then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Forbidden"))
                .body("detail", containsString("not the right one"));
        assertThat(bucket.resolve("ops/nokey.txt")).doesNotExist();
        assertThat(bucket.resolve("ops/wrongkey.txt")).doesNotExist();
    }

    @Test
    void unacceptableNamesAreRefusedWithAProblem() {
        refused("ops/..%2F..%2F..%2Fetc%2Fpasswd", "path traversal");
        refused("..%2Fescape.txt", "path traversal");
        refused("ops/.%2Fpage.txt", "path traversal");
        refused("%2Fetc%2Fpasswd", "absolute path");
        refused("ops/new%0Aline.txt", "control character U+000A");
        refused("ops/escape%1B%5B31m.txt", "control character U+001B");
        refused("ops/nul%00.txt", "control character U+0000");
        refused("ops/bidi%E2%80%AEtxt.exe", "control character U+202E");
        refused("ops%5C..%5Cwin.txt", "backslash");
        refused("ops/.hidden.txt", "hidden segment");
        refused("ops/.git/config", "hidden segment");
        refused("ops%2F%2Fdouble.txt", "empty path segment");
        refused("ops/upload.part", ".part or .tmp");
        refused("ops/" + "x".repeat(1100), "longer than 1024 bytes");
        refused("ops/" + "y".repeat(300) + ".txt", "longer than 255 bytes");
    }

    @Test
    void tooLargeAndEmptyUploadsAreRefused() {
        byte[] large = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(large, (byte) 'a');
        withKey().body(large).put("/files/ops/large.txt").then()
                .statusCode(413)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("larger than the limit of 65536 bytes"));
        withKey().body(new byte[0]).put("/files/ops/empty.txt").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("empty"));
        assertThat(bucket.resolve("ops/large.txt")).doesNotExist();
        assertThat(bucket.resolve("ops/empty.txt")).doesNotExist();
    }

    @Test
    void aFailedFileCanBeRetriedOnceAndOnlyAFailedOne() {
        withKey().body("\u0000\u0001binary\u0002".getBytes(StandardCharsets.UTF_8)).put("/files/ops/retry/bad.txt").then().statusCode(201);
        FileLedgerEntry failed = awaitSettled("ops/retry/bad.txt");
        assertThat(failed.status()).isEqualTo(FileStatus.FAILED);

        given().post("/files/ops/retry/bad.txt/retry").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().header(ApiKeyGuard.HEADER, "nope").post("/files/ops/retry/bad.txt/retry").then().statusCode(403);
        withKey().post("/files/ops/retry/bad.txt/retry").then()
                .statusCode(202)
                .body("key", equalTo("ops/retry/bad.txt"))
                .body("contentHash", equalTo(failed.contentHash()))
                .body("detail", not(emptyOrNullString()));
        await().atMost(PATIENCE).until(() -> file("ops/retry/bad.txt").orElseThrow().updatedAt().isAfter(failed.updatedAt()));
        assertThat(file("ops/retry/bad.txt").orElseThrow().status()).isEqualTo(FileStatus.FAILED);
        given().get("/q/metrics").then().body(containsString("ingest_retries_total"));

        withKey().body(PAGE.getBytes(StandardCharsets.UTF_8)).put("/files/ops/retry/good.txt").then().statusCode(201);
        assertThat(awaitSettled("ops/retry/good.txt").status()).isEqualTo(FileStatus.DONE);
        withKey().post("/files/ops/retry/good.txt/retry").then()
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Conflict"))
                .body("detail", containsString("is DONE, not FAILED"));
        withKey().post("/files/ops/retry/unknown.txt/retry").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aFailedFileThatLeftTheBucketCannotBeRetried() throws IOException {
        withKey().body("\u0000gone".getBytes(StandardCharsets.UTF_8)).put("/files/ops/gone.txt").then().statusCode(201);
        assertThat(awaitSettled("ops/gone.txt").status()).isEqualTo(FileStatus.FAILED);
        Files.delete(bucket.resolve("ops/gone.txt"));
        withKey().post("/files/ops/gone.txt/retry").then()
                .statusCode(409)
                .body("detail", containsString("no longer in bucket"));
    }

    @Test
    void openApiDescribesUploadRetryAndTheApiKey() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/files/{name}"))
                .body(containsString("/files/{key}/retry"))
                .body(containsString("X-Api-Key"));
    }

    private static void refused(String encodedName, String reason) {
        withKey().urlEncodingEnabled(false).body(PAGE.getBytes(StandardCharsets.UTF_8)).put("/files/" + encodedName).then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("detail", containsString(reason));
    }

    private static RequestSpecification withKey() {
        return given().header(ApiKeyGuard.HEADER, KEY).contentType("application/octet-stream");
    }

    private static FileLedgerEntry awaitSettled(String key) {
        await().atMost(PATIENCE).until(() -> file(key).isPresent());
        return file(key).orElseThrow();
    }

    private static Optional<FileLedgerEntry> file(String key) {
        var response = given().get("/files/" + key);
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(EventJson.read(response.asByteArray(), FileLedgerEntry.class));
    }
}
