package io.abstractcatalog.catalog.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** GET /works as the API tests call it: a page, its ids, and waiting for a tagged set of works to arrive. */
public final class WorksApi {

    private WorksApi() {
    }

    public static JsonPath search(Map<String, String> parameters) {
        return given().queryParams(parameters).get("/works").then().statusCode(200).extract().jsonPath();
    }

    public static List<String> ids(Map<String, String> parameters) {
        return search(parameters).getList("results.workId", String.class);
    }

    /** Waits until exactly {@code expected} works carry the affiliation {@code tag} (each test's own works). */
    public static void awaitCount(String tag, int expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                search(Map.of("affiliation", tag, "limit", "100")).getList("results")).hasSize(expected));
    }
}
