package io.abstractcatalog.dedup.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.abstractcatalog.contract.http.Problem;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
    void aBodyOverTheLimitIsAContentTooLargeProblem() {
        given().contentType("application/json").body(new byte[11 * 1024 * 1024]).post("/status").then()
                .statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:abstract-catalog:problem:content-too-large"))
                .body("detail", containsString("at most 10485760"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
