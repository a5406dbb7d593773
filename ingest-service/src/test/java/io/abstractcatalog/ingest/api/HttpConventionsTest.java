package io.abstractcatalog.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.abstractcatalog.contract.http.Problem;
import io.abstractcatalog.contract.http.testing.ProblemAnswersAtTheLimits;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.ingest.EmptyBucketFolder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conventions ingest shares with the other services (contract's http package): the list envelope, unknown query
 * parameters refused, and a problem body for every error status, the framework's included (the HTTP limits: the
 * table in ProblemAnswersAtTheLimits).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(EmptyBucketFolder.class)
class HttpConventionsTest extends ProblemAnswersAtTheLimits {

    @Override
    protected String jsonPath() {
        return "/files";
    }

    @Override
    protected int port() {
        return RestAssured.port;
    }


    @Test
    void theLedgerIsMetaAndResults() {
        JsonPath files = given().get("/files").then().statusCode(200).extract().jsonPath();
        assertThat(files.getMap("$").keySet()).containsExactlyInAnyOrder("meta", "results");
        int count = files.getInt("meta.count");
        assertThat(files.getList("results")).hasSize(count);
        assertThat(files.getMap("meta")).containsEntry("countKind", "exact").containsEntry("perPage", count)
                .containsEntry("nextCursor", null);
    }

    @ParameterizedTest(name = "{0} {1}?{2}=")
    @CsvSource(delimiter = '|', value = {
            "GET  | /files               | limit",
            "GET  | /files               | status",
            "GET  | /files/a/b.txt       | verbose",
            "POST | /files/a/b.txt/retry | force"})
    void anUnknownQueryParameterIsABadRequest(String method, String path, String parameter) {
        given().queryParam(parameter, "1").request(method, path).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:abstract-catalog:problem:unknown-parameter"))
                .body("parameter", equalTo(parameter))
                .body("knownParameters", equalTo(List.of()))
                .body("detail", containsString("takes no query parameters"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "400 | bad-request            | PUT    | /files/a/..%2Fb.txt",
            "404 | not-found              | GET    | /nothing-here",
            "404 | file-not-found         | GET    | /files/never/seen.txt",
            "405 | method-not-allowed     | DELETE | /files"})
    void errorsAreProblems(int status, String type, String method, String path) {
        given().urlEncodingEnabled(false).header(ApiKeyGuard.HEADER, "test-api-key").body("x").request(method, path)
                .then().statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:abstract-catalog:problem:" + type))
                .body("status", equalTo(status));
    }

    @Test
    void anUploadOverTheLimitIsAContentTooLargeProblem() throws Exception {
        // Over the upload limit (64 KiB in tests): the resource refuses it while reading.
        byte[] large = new byte[64 * 1024 + 1];
        given().header(ApiKeyGuard.HEADER, "test-api-key").body(large).put("/files/conventions/large.txt").then()
                .statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:abstract-catalog:problem:content-too-large"));
        // Over the server's body limit (1 MiB in tests): refused before any byte of the body is read.
        String answer = exchange("PUT /files/conventions/huge.txt HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 3000000000\r\n" + ApiKeyGuard.HEADER + ": test-api-key\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("\"type\":\"urn:abstract-catalog:problem:content-too-large\"");
    }

    @Test
    void swaggerUiAndTheOpenApiDocumentDescribeTheConventions() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        assertThat(openapi.getMap("components.schemas.FileList.properties").keySet())
                .containsExactlyInAnyOrder("meta", "results");
        assertThat(openapi.getMap("components.schemas.ListMeta.properties").keySet())
                .containsExactlyInAnyOrder("count", "countKind", "perPage", "nextCursor");
        assertThat(openapi.getMap("components.schemas.Problem.properties").keySet())
                .contains("type", "title", "status", "detail", "instance");
    }
}
