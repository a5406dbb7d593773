package io.abstractcatalog.dedup.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.abstractcatalog.contract.http.Problem;
import io.abstractcatalog.contract.http.testing.ProblemAnswersAtTheLimits;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dedup-service answers few requests, but its errors speak the same problem+json as the other services (contract's
 * http package), the framework's included, and at the HTTP limits (the table in ProblemAnswersAtTheLimits).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HttpConventionsTest extends ProblemAnswersAtTheLimits {

    @Override
    protected String jsonPath() {
        return "/status";
    }

    @Override
    protected int port() {
        return RestAssured.port;
    }

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
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
