package io.abstractcatalog.catalog.search;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.uniqueTag;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.abstractcatalog.catalog.testing.WorksApi.awaitCount;
import static io.abstractcatalog.catalog.testing.WorksApi.ids;
import static io.abstractcatalog.catalog.testing.WorksApi.search;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.abstractcatalog.catalog.testing.WorksTopic;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Works none of whose records has an abstract (bibliographic entries), on the real database: listed and found by
 * their title, flagged hasAbstract false with no abstractText or snippet, filtered by has_abstract, and given their
 * abstract when a record with one joins.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class WorksWithoutAbstractTest {

    @Inject
    WorksTopic topic;

    @Test
    void aWorkWithoutAbstractIsListedFlaggedAndFoundByItsTitle() {
        String tag = uniqueTag();
        String without = newId();
        String with = newId();
        String word = "zq" + tag.substring("Institute ".length()).replaceAll("[^a-z0-9]", "").substring(0, 8);
        topic.publish(work(without).title("Nonabstracted " + word + " networks").abstractText(null).affiliations(tag)
                        .authors("Yann LeCun").upserted(),
                work(with).title("Abstracted " + word + " networks").abstractText("Networks of " + word + " learn.")
                        .affiliations(tag).upserted());
        awaitCount(tag, 2);

        JsonPath listed = search(Map.of("affiliation", tag, "sort", "title"));
        assertThat(listed.getList("results.workId", String.class)).containsExactly(with, without);
        assertThat(listed.getBoolean("results[1].hasAbstract")).isFalse();
        assertThat(listed.getMap("results[1]")).doesNotContainKey("abstractText");
        assertThat(listed.getBoolean("results[0].hasAbstract")).isTrue();
        assertThat(listed.getString("results[0].abstractText")).isEqualTo("Networks of " + word + " learn.");

        // the title alone is searchable: the empty abstract does not null the search vector
        JsonPath found = search(Map.of("q", word, "affiliation", tag));
        assertThat(found.getList("results.workId", String.class)).containsExactlyInAnyOrder(with, without);
        int index = found.getList("results.workId", String.class).indexOf(without);
        Map<String, Object> item = found.getMap("results[" + index + "]");
        assertThat(item).doesNotContainKeys("abstractText", "snippet").containsEntry("hasAbstract", false);
        assertThat((String) item.get("titleHighlight")).contains("<mark>" + word + "</mark>");
        assertThat(ids(Map.of("q", "\"nonabstracted " + word + "\"", "affiliation", tag))).containsExactly(without);

        given().get("/works/" + without).then().statusCode(200)
                .body("hasAbstract", equalTo(false))
                .body("title", equalTo("Nonabstracted " + word + " networks"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("abstractText")));
        given().get("/works/" + with).then().statusCode(200).body("hasAbstract", equalTo(true));
    }

    @Test
    void hasAbstractFiltersAndIsShownWithTheAbstractOrOnRequest() {
        String tag = uniqueTag();
        String without = newId();
        String with = newId();
        topic.publish(work(without).abstractText(null).affiliations(tag).upserted(),
                work(with).affiliations(tag).upserted());
        awaitCount(tag, 2);

        assertThat(ids(Map.of("affiliation", tag, "has_abstract", "false"))).containsExactly(without);
        assertThat(ids(Map.of("affiliation", tag, "has_abstract", "true"))).containsExactly(with);
        assertThat(ids(Map.of("affiliation", tag, "has_abstract", "FALSE", "has_duplicates", "false")))
                .containsExactly(without);
        assertThat(ids(Map.of("affiliation", tag, "has_abstract", "false", "sort", "-updated"))).containsExactly(without);
        assertThat(search(Map.of("affiliation", tag, "has_abstract", "false", "select", "title")).getMap("results[0]"))
                .containsOnlyKeys("workId", "title");
        assertThat(search(Map.of("affiliation", tag, "has_abstract", "false", "select", "hasAbstract")).getMap("results[0]"))
                .containsOnlyKeys("workId", "hasAbstract").containsEntry("hasAbstract", false);

        given().queryParam("has_abstract", "sometimes").get("/works").then().statusCode(400)
                .body("parameter", equalTo("has_abstract"))
                .body("detail", containsString("Use true (only works with an abstract) or false"));
        // a cursor is bound to the filter it came with
        String cursor = search(Map.of("affiliation", tag, "has_abstract", "false", "limit", "1")).getString("meta.nextCursor");
        String other = search(Map.of("affiliation", tag, "limit", "1")).getString("meta.nextCursor");
        given().queryParams(Map.of("affiliation", tag, "has_abstract", "true", "limit", "1", "cursor", other))
                .get("/works").then().statusCode(400).body("parameter", equalTo("cursor"));
        assertThat(cursor).isNull(); // one work without abstract: no next page
    }

    @Test
    void aWorkGetsItsAbstractWhenARecordWithOneJoins() {
        String tag = uniqueTag();
        String id = newId();
        topic.publish(work(id).version(1).abstractText(null).affiliations(tag).upserted());
        awaitCount(tag, 1);
        assertThat(ids(Map.of("affiliation", tag, "has_abstract", "false"))).containsExactly(id);

        topic.publish(work(id).version(2).abstractText("Now with an abstract.").affiliations(tag).upserted());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ids(Map.of("affiliation", tag, "has_abstract", "true"))).containsExactly(id));
        given().get("/works/" + id).then().statusCode(200).body("hasAbstract", equalTo(true))
                .body("abstractText", equalTo("Now with an abstract."));
    }
}
