package io.abstractcatalog.catalog.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GET /works as the API tests call it: a page, its ids, a cursor walk, and waiting for a tagged set of works. */
public final class WorksApi {

    private WorksApi() {
    }

    public static JsonPath search(Map<String, String> parameters) {
        return given().queryParams(parameters).get("/works").then().statusCode(200).extract().jsonPath();
    }

    public static List<String> ids(Map<String, String> parameters) {
        return search(parameters).getList("results.workId", String.class);
    }

    /**
     * Every work {@code parameters} selects, following meta.nextCursor to the last page; a cursor that repeats, or
     * more than 1,000 pages, fails the test.
     */
    public static List<String> walk(Map<String, String> parameters) {
        List<String> ids = new ArrayList<>();
        Set<String> cursors = new LinkedHashSet<>();
        String cursor = null;
        for (int pages = 0; pages < 1_000; pages++) {
            Map<String, String> page = new HashMap<>(parameters);
            if (cursor != null) {
                page.put("cursor", cursor);
            }
            JsonPath answer = search(page);
            ids.addAll(answer.getList("results.workId", String.class));
            cursor = answer.getString("meta.nextCursor");
            if (cursor == null) {
                return ids;
            }
            assertThat(cursors.add(cursor)).as("a cursor repeats").isTrue();
        }
        throw new AssertionError("more than 1,000 pages");
    }

    /** Waits until exactly {@code expected} works carry the affiliation {@code tag} (each test's own works). */
    public static void awaitCount(String tag, int expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                search(Map.of("affiliation", tag, "limit", "100")).getList("results")).hasSize(expected));
    }
}
