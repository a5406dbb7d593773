package io.abstractcatalog.dedup.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.abstractcatalog.contract.http.Problem;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dedup-service answers few requests, but its errors speak the same problem+json as the other services (contract's
 * http package), the framework's included.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HttpConventionsTest {

    @Test
    void anUnknownQueryParameterIsABadRequest() {
        given().queryParam("verbose", "true").get("/status").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:abstract-catalog:problem:unknown-parameter"))
                .body("parameter", equalTo("verbose"))
                .body("knownParameters", equalTo(List.of()))
                .body("instance", equalTo("/status"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "404 | not-found          | GET    | /nothing-here",
            "405 | method-not-allowed | DELETE | /status"})
    void errorsAreProblems(int status, String type, String method, String path) {
        given().request(method, path).then().statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:abstract-catalog:problem:" + type))
                .body("status", equalTo(status))
                .body("instance", equalTo(path));
    }

    @Test
    void anAcceptTheServiceCannotAnswerIsANotAcceptableProblem() {
        given().accept("application/xml").get("/status").then().statusCode(406).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:abstract-catalog:problem:not-acceptable"));
    }

    @Test
    void aBodyOfATypeTheEndpointDoesNotTakeIsAnUnsupportedMediaTypeProblem() {
        given().contentType("application/xml").body("<x/>").post(JsonBodyResource.PATH).then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:abstract-catalog:problem:unsupported-media-type"));
    }

    @Test
    void aRequestLineOverTheLimitIsAUriTooLongProblem() {
        given().urlEncodingEnabled(false).queryParam("x", "a".repeat(20_100)).get("/status").then().statusCode(414)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:abstract-catalog:problem:uri-too-long"));
    }

    @Test
    void aBodyOverTheLimitIsAContentTooLargeProblemAndTheConnectionCloses() throws Exception {
        // Refused on its Content-Length (over Quarkus's 10 MiB), before a byte of the body is read.
        String answer = rawRequest("POST /status HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 11000000\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413").contains(Problem.MEDIA_TYPE)
                .contains("\"type\":\"urn:abstract-catalog:problem:content-too-large\"")
                .contains("at most 10485760");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * A request written by hand, for what an HTTP client would not send (a length it does not mean to send); the
     * answer as text, read until the server closes the connection.
     */
    static String rawRequest(String head) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
