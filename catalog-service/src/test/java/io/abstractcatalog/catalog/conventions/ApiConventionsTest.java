package io.abstractcatalog.catalog.conventions;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.uniqueTag;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.abstractcatalog.catalog.testing.WorksApi.awaitCount;
import static io.abstractcatalog.catalog.testing.WorksApi.search;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.abstractcatalog.catalog.testing.WorksTopic;
import io.abstractcatalog.contract.http.testing.JsonBodyResource;
import io.abstractcatalog.contract.http.testing.ProblemAnswersAtTheLimits;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conventions every endpoint follows: unknown query parameters are refused with the known ones and a hint,
 * cursor=* starts a walk, every list is {meta, results}, and errors are problems even where the framework answers
 * (the HTTP limits: the table in ProblemAnswersAtTheLimits).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ApiConventionsTest extends ProblemAnswersAtTheLimits {

    @Override
    protected String jsonPath() {
        return "/stats";
    }

    @Override
    protected int port() {
        return RestAssured.port;
    }


    @Inject
    WorksTopic topic;

    @ParameterizedTest(name = "{0}?{1}= → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "/works                       | per_page     | limit",
            "/works                       | perPage      | limit",
            "/works                       | limt         | limit",
            "/works                       | Limit        | limit",
            "/works                       | page         | cursor",
            "/works                       | filter       | -",
            "/works                       | query        | q",
            "/works                       | groupBy      | group_by",
            "/works                       | sort_by      | sort",
            "/works                       | autor        | author",
            "/works                       | fields       | select",
            "/works/w-1                   | select       | -",
            "/works/w-1/sources           | limit        | -",
            "/works/w-1/matches           | limit        | -",
            "/works/doi:10.1/x            | formt        | -",
            "/affiliations                | prefx        | prefix",
            "/affiliations                | per_page     | limit",
            "/stats                       | verbose      | -"})
    void anUnknownQueryParameterIsABadRequestNamingTheKnownOnes(String path, String parameter, String meant) {
        var answer = given().urlEncodingEnabled(false).queryParam(parameter, "5").when().get(path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:abstract-catalog:problem:unknown-parameter"))
                .body("title", equalTo("Unknown parameter"))
                .body("status", equalTo(400))
                .body("parameter", equalTo(parameter))
                .body("instance", equalTo(path))
                .body("detail", containsString("'" + parameter + "' is not a parameter of " + path));
        if (meant == null) {
            answer.body("detail", not(containsString("Did you mean")));
        } else {
            answer.body("detail", containsString("Did you mean '" + meant + "'?"))
                    .body("knownParameters", hasItems(meant));
        }
    }

    @Test
    void theKnownParametersAreListedInTheProblem() {
        given().queryParam("per_page", "5").when().get("/works").then().statusCode(400)
                .body("knownParameters", equalTo(List.of("q", "affiliation", "source", "has_duplicates", "has_abstract",
                        "doi",
                        "author", "venue", "pmid", "year", "sort", "limit", "cursor", "select", "group_by", "format")));
        given().queryParam("x", "1").when().get("/stats").then().statusCode(400)
                .body("knownParameters", equalTo(List.of()))
                .body("detail", containsString("takes no query parameters"));
    }

    @Test
    void formatIsAKnownParameterOfWorksAndOfOneWork() {
        given().queryParam("format", "json").when().get("/works").then().statusCode(200);
        given().queryParam("format", "json").when().get("/works/{id}", "w-not-there").then().statusCode(404)
                .body("type", equalTo("urn:abstract-catalog:problem:work-not-found"));
    }

    @Test
    void cursorStarStartsAWalkThatReachesEveryWorkOnce() {
        String tag = uniqueTag();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(newId());
        }
        topic.publish(published.stream().map(id -> work(id).affiliations(tag).upserted()).toArray(
                io.abstractcatalog.contract.WorkEvent[]::new));
        awaitCount(tag, 5);

        JsonPath first = search(Map.of("affiliation", tag, "limit", "2", "cursor", "*"));
        assertThat(first.getList("results.workId", String.class))
                .isEqualTo(search(Map.of("affiliation", tag, "limit", "2")).getList("results.workId", String.class));
        List<String> walked = new ArrayList<>(first.getList("results.workId", String.class));
        String cursor = first.getString("meta.nextCursor");
        while (cursor != null) {
            JsonPath page = search(Map.of("affiliation", tag, "limit", "2", "cursor", cursor));
            walked.addAll(page.getList("results.workId", String.class));
            cursor = page.getString("meta.nextCursor");
        }
        assertThat(walked).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void everyListIsMetaAndResults() {
        String tag = uniqueTag();
        String id = newId();
        topic.publish(work(id).affiliations(tag).upserted(), work(newId()).affiliations(tag).upserted(),
                work(newId()).affiliations(tag).upserted());
        awaitCount(tag, 3);

        JsonPath works = search(Map.of("affiliation", tag, "limit", "2", "group_by", "affiliation,source"));
        assertThat(works.getMap("$").keySet()).contains("meta", "results").doesNotContain("items", "nextCursor");
        assertThat(works.getMap("meta")).containsEntry("count", 3).containsEntry("countKind", "exact")
                .containsEntry("perPage", 2).containsKey("nextCursor");
        assertThat(works.getString("meta.nextCursor")).isNotBlank();
        assertThat(works.getList("results")).hasSize(2);
        // Each facet is a list of its own: its meta.count is how many distinct values there are.
        assertThat(works.getMap("groups.affiliation.meta")).containsEntry("count", 1).containsEntry("countKind", "exact")
                .containsEntry("perPage", 20).containsEntry("nextCursor", null);
        assertThat(works.getList("groups.affiliation.results.key", String.class)).containsExactly(tag);
        assertThat(works.getList("groups.source.results")).hasSize(works.getInt("groups.source.meta.count"));

        JsonPath sources = given().get("/works/{id}/sources", id).then().statusCode(200).extract().jsonPath();
        assertThat(sources.getMap("meta")).containsEntry("count", 1).containsEntry("countKind", "exact")
                .containsEntry("perPage", 1).containsEntry("nextCursor", null);
        assertThat(sources.getList("results.recordId")).hasSize(1);

        JsonPath affiliations = given().queryParam("prefix", tag).get("/affiliations").then().statusCode(200)
                .extract().jsonPath();
        assertThat(affiliations.getMap("meta")).containsEntry("count", 1).containsEntry("countKind", "exact")
                .containsEntry("perPage", 100).containsEntry("nextCursor", null);
        assertThat(affiliations.getList("results.name", String.class)).containsExactly(tag);
        JsonPath firstAffiliation = given().queryParam("limit", "1").get("/affiliations").then().statusCode(200)
                .extract().jsonPath();
        assertThat(firstAffiliation.getList("results")).hasSize(1);
        assertThat(firstAffiliation.getLong("meta.count")).as("every affiliation, not the page").isGreaterThan(1);
    }

    @Test
    void theCountOfAWalkIsTheNumberOfWorksItReaches() {
        String tag = uniqueTag();
        for (int i = 0; i < 7; i++) {
            topic.publish(work(newId()).affiliations(tag).upserted());
        }
        awaitCount(tag, 7);
        JsonPath page = search(Map.of("affiliation", tag, "limit", "3"));
        assertThat(page.getInt("meta.count")).isEqualTo(7);
        assertThat(page.getString("meta.countKind")).isEqualTo("exact");
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        given().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:abstract-catalog:problem:not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/no-such-thing"));
    }

    @Test
    void anAcceptTheServiceCannotAnswerIsANotAcceptableProblem() {
        given().accept("application/xml").get("/stats").then().statusCode(406)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:abstract-catalog:problem:not-acceptable"))
                .body("status", equalTo(406))
                .body("detail", containsString("Accept"));
    }

    @Test
    void aMethodThePathDoesNotTakeIsAMethodNotAllowedProblem() {
        given().contentType("application/json").body("{}").post("/works").then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:abstract-catalog:problem:method-not-allowed"))
                .body("instance", equalTo("/works"));
    }

    @Test
    void aBodyOfATypeTheEndpointDoesNotTakeIsAnUnsupportedMediaTypeProblem() {
        // The catalog's own endpoints take no body; the test source's JsonBodyResource takes JSON only.
        given().contentType("application/xml").body("<x/>").post(JsonBodyResource.PATH).then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:abstract-catalog:problem:unsupported-media-type"))
                .body("status", equalTo(415))
                .body("detail", containsString("Content-Type"));
        given().contentType("application/json").body("{}").post(JsonBodyResource.PATH).then().statusCode(204);
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().get("/").then().statusCode(200).body(containsString("href=\"/q/swagger-ui\""));
    }

    @Test
    void theOpenApiDocumentDescribesTheEnvelopeAndTheProblem() {
        JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        assertThat(openapi.getMap("components.schemas.ListMeta.properties").keySet())
                .containsExactlyInAnyOrder("count", "countKind", "perPage", "nextCursor");
        assertThat(openapi.getMap("components.schemas.Problem.properties").keySet())
                .contains("type", "title", "status", "detail", "instance", "parameter", "knownParameters");
        assertThat(openapi.getMap("components.schemas.WorkPage.properties").keySet())
                .contains("meta", "results", "groups");
        assertThat(openapi.getMap("components.schemas.SourceList.properties").keySet())
                .containsExactlyInAnyOrder("meta", "results");
        assertThat(openapi.getMap("components.schemas.MatchList.properties").keySet())
                .containsExactlyInAnyOrder("meta", "results", "recorded");
        assertThat(openapi.getMap("components.schemas.AffiliationList.properties").keySet())
                .containsExactlyInAnyOrder("meta", "results");
        assertThat(openapi.getList("paths.'/works'.get.parameters.name", String.class)).contains("format", "cursor");
    }
}
