package io.abstractcatalog.catalog.problem;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ProblemResponsesTest {

    @ParameterizedTest(name = "limit={0}")
    @CsvSource({"0, out of range", "101, out of range", "-3, out of range", "abc, not a whole number",
            "99999999999, not a whole number"})
    void aLimitOutsideOneToHundredIsABadRequestSayingTheRange(String limit, String why) {
        given().queryParam("limit", limit).when().get("/works").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:abstract-catalog:problem:invalid-parameter"))
                .body("title", equalTo("Invalid parameter"))
                .body("status", equalTo(400))
                .body("parameter", equalTo("limit"))
                .body("instance", equalTo("/works"))
                .body("detail", containsString(why))
                .body("detail", containsString("from 1 to 100"));
    }

    @ParameterizedTest(name = "cursor={0}")
    @CsvSource({"not*base64!", "bm90IGEgY3Vyc29y", "dXxub3QtYS10aW1lfHctMQ", "cnxOYU5pc2h8"})
    void aCursorThisServiceDidNotIssueIsABadRequest(String cursor) {
        given().queryParam("cursor", cursor).when().get("/works").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("cursor"))
                .body("detail", containsString("nextCursor of the previous page"));
    }

    @Test
    void aSearchCursorUsedForAListingIsABadRequest() {
        String searchCursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"s\":\"relevance\",\"f\":\"0011223344556677\",\"k\":\"0.5\",\"id\":\"w-1\"}"
                        .getBytes(StandardCharsets.UTF_8));

        given().queryParam("cursor", searchCursor).when().get("/works").then()
                .statusCode(400)
                .body("parameter", equalTo("cursor"))
                .body("detail", containsString("different query"));
    }

    @Test
    void aQueryLongerThan500CharactersIsABadRequest() {
        given().queryParam("q", "a".repeat(501)).when().get("/works").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("q"))
                .body("detail", containsString("501 characters"))
                .body("detail", containsString("limit is 500"));
        given().queryParam("q", "a".repeat(500)).when().get("/works").then().statusCode(200);
    }

    @Test
    void anOverlongAffiliationIsABadRequest() {
        given().queryParam("affiliation", "x".repeat(501)).when().get("/works").then()
                .statusCode(400)
                .body("parameter", equalTo("affiliation"));
    }

    @Test
    void queriesOfOnlyStopWordsOrPunctuationFindNothingRatherThanFail() {
        given().queryParam("q", "the of and").when().get("/works").then().statusCode(200).body("results.size()", equalTo(0));
        given().queryParam("q", "\"(&|!:*'").when().get("/works").then().statusCode(200);
    }

    @Test
    void anUnknownWorkIsNotFoundAsAProblem() {
        when().get("/works/{id}", "w-does-not-exist").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:abstract-catalog:problem:work-not-found"))
                .body("status", equalTo(404))
                .body("detail", containsString("w-does-not-exist"))
                .body("instance", equalTo("/works/w-does-not-exist"));
        when().get("/works/{id}/sources", "w-does-not-exist").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aWrongMethodIsAProblemToo() {
        when().delete("/works").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405));
    }
}
