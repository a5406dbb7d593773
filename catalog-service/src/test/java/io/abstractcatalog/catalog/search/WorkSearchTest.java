package io.abstractcatalog.catalog.search;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.uniqueTag;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import io.abstractcatalog.catalog.testing.WorksTopic;

/** Every test tags its works with a unique affiliation, so results from other tests never interfere. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class WorkSearchTest {

    @Inject
    WorksTopic topic;

    @Test
    void fullTextSearchFindsTitleMatchesBeforeAbstractMentions() {
        String tag = uniqueTag();
        String titled = newId();
        String mentioned = newId();
        String unrelated = newId();
        topic.publish(
                work(mentioned).title("Deep architectures").affiliations(tag)
                        .abstractText("We compare several models, among them sum-product networks, on vision tasks.")
                        .upserted(),
                work(titled).title("Sum-Product Networks: A New Deep Architecture").affiliations(tag)
                        .abstractText("The key limiting factor in graphical model inference is the partition "
                                + "function. Sum-product networks make it tractable.").upserted(),
                work(unrelated).title("Edge of chaos").affiliations(tag)
                        .abstractText("Trainability of ``edge of chaos'' initializations.").upserted());
        awaitCount(Map.of("affiliation", tag), 3);

        JsonPath page = search(Map.of("q", "sum-product networks", "affiliation", tag));

        assertThat(page.getList("results.workId", String.class)).containsExactly(titled, mentioned);
        List<Float> ranks = page.getList("results.rank", Float.class);
        assertThat(ranks.get(0)).isGreaterThan(ranks.get(1)).isLessThan(1f);
        assertThat(ranks.get(1)).isPositive();
        // English stemming and web-search syntax: singular finds plural, "-word" excludes.
        assertThat(search(Map.of("q", "network -vision", "affiliation", tag)).getList("results.workId", String.class))
                .containsExactly(titled);
        assertThat(search(Map.of("q", "\"edge of chaos\"", "affiliation", tag)).getList("results.workId", String.class))
                .containsExactly(unrelated);
    }

    @Test
    void itemsCarryTheWorkFieldsAndRankOnlyForQueries() {
        String tag = uniqueTag();
        String id = newId();
        topic.publish(work(id).title("Muon optimizer at scale").abstractText("We scale $\\mu$P to $\\tilde{O}(\\sqrt{N})$.")
                .affiliations(tag, "Second University").identifiers(List.of("10.1/x"), List.of("2502.16982"))
                .updatedAt(Instant.parse("2026-02-01T12:30:00.123456Z")).upserted());
        awaitCount(Map.of("affiliation", tag), 1);

        JsonPath listed = search(Map.of("affiliation", tag));
        assertThat(listed.getMap("results[0]")).containsKeys("workId", "title", "abstractText", "affiliations",
                "identifiers", "memberCount", "firstSeen", "updatedAt").doesNotContainKey("rank");
        assertThat(listed.getString("results[0].abstractText")).isEqualTo("We scale $\\mu$P to $\\tilde{O}(\\sqrt{N})$.");
        assertThat(listed.getList("results[0].affiliations")).containsExactly(tag, "Second University");
        assertThat(listed.getList("results[0].identifiers.doi")).containsExactly("10.1/x");
        assertThat(listed.getList("results[0].identifiers.arxiv")).containsExactly("2502.16982");
        assertThat(listed.getString("results[0].updatedAt")).isEqualTo("2026-02-01T12:30:00.123456Z");
        assertThat(listed.getString("results[0].firstSeen")).isEqualTo("2026-01-05T10:00:00Z");
        assertThat(listed.getMap("meta")).containsEntry("nextCursor", null);

        assertThat(search(Map.of("q", "muon", "affiliation", tag)).getMap("results[0]")).containsKey("rank");
    }

    @Test
    void affiliationFilterMatchesWholeNamesIgnoringCase() {
        String tag = uniqueTag();
        String tokyo = newId();
        String other = newId();
        topic.publish(work(tokyo).affiliations("University of Tokyo " + tag).upserted(),
                work(other).affiliations("Tokyo Institute " + tag).upserted());
        awaitCount(Map.of("affiliation", "tokyo institute " + tag), 1);

        assertThat(search(Map.of("affiliation", "UNIVERSITY OF TOKYO " + tag.toUpperCase())).getList("results.workId", String.class))
                .containsExactly(tokyo);
        assertThat(search(Map.of("affiliation", "Tokyo")).getList("results.workId", String.class))
                .doesNotContain(tokyo, other);
    }

    @Test
    void cursorPagingWalksEveryListedWorkOnceWithoutGaps() {
        String tag = uniqueTag();
        Instant tied = Instant.parse("2026-03-01T00:00:00Z");
        List<WorkEvent> events = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Groups of equal update times make the id tie-break carry the paging.
            events.add(work(newId()).affiliations(tag).updatedAt(tied.plusSeconds(i / 4)).upserted());
        }
        topic.publish(events.toArray(WorkEvent[]::new));
        awaitCount(Map.of("affiliation", tag), 23);

        List<String> all = search(Map.of("affiliation", tag, "limit", "100")).getList("results.workId", String.class);
        assertThat(walk(Map.of("affiliation", tag), 5)).containsExactlyElementsOf(all).doesNotHaveDuplicates().hasSize(23);
        assertThat(all).containsExactlyInAnyOrderElementsOf(events.stream().map(WorkEvent::workId).toList());
    }

    @Test
    void cursorPagingWalksEverySearchResultOnceWithoutGaps() {
        String tag = uniqueTag();
        List<String> ids = new ArrayList<>();
        List<WorkEvent> events = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            ids.add(newId());
            // Identical texts tie on rank, three different texts give three rank levels.
            String title = i % 3 == 0 ? "Bayesian optimization" : "Optimization";
            String text = i % 3 == 1 ? "Bayesian methods for hyperparameter search." : "Hyperparameter search.";
            events.add(work(ids.get(i)).title(title).abstractText(text).affiliations(tag).upserted());
        }
        topic.publish(events.toArray(WorkEvent[]::new));
        awaitCount(Map.of("affiliation", tag), 17);

        List<String> walked = walk(Map.of("q", "bayesian", "affiliation", tag), 4);
        List<String> all = search(Map.of("q", "bayesian", "affiliation", tag, "limit", "100")).getList("results.workId", String.class);

        assertThat(all).hasSize(12); // i % 3 == 0 or 1
        assertThat(walked).containsExactlyElementsOf(all).doesNotHaveDuplicates();
    }

    /** Follows nextCursor from the first page to the last, collecting work ids. */
    private static List<String> walk(Map<String, String> parameters, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = given().queryParams(parameters).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/works").then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("results.workId", String.class);
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            ids.addAll(items);
            cursor = page.getString("meta.nextCursor");
            assertThat(++pages).as("pages walked").isLessThan(50);
        } while (cursor != null);
        return ids;
    }

    private static JsonPath search(Map<String, String> parameters) {
        return given().queryParams(parameters).when().get("/works").then().statusCode(200).extract().jsonPath();
    }

    private static void awaitCount(Map<String, String> parameters, int expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                search(Map.of("affiliation", parameters.get("affiliation"), "limit", "100")).getList("results")).hasSize(expected));
    }
}
