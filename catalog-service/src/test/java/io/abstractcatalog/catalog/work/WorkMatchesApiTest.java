package io.abstractcatalog.catalog.work;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.abstractcatalog.catalog.testing.WorkFixture;
import io.abstractcatalog.catalog.testing.WorksTopic;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.contract.WorkMatch;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code GET /works/{id}/matches} over the real database, fed through the works topic. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class WorkMatchesApiTest {

    @Inject
    WorksTopic topic;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMergedWorkListsItsPairsWithRuleEvidenceInPlainWordsAndWhereEachRecordWasFound() {
        String id = newId();
        WorkFixture fixture = work(id).noSources().source("local", "refs.bib", 3, "bibtex").source("local", "export.ris", 0, "ris")
                .source("local", "more.ris", 7, "ris");
        String[] ids = sortedIds(fixture, 3);
        // three copies: three accepted pairs, of which the event lists two (as if the cap were two)
        fixture.matches(3, pair(ids[0], ids[1], "SAME_TITLE_AUTHORS", null, 0.12, 0.31, "EQUAL", 3, 4, 3, 2019, 2020),
                pair(ids[0], ids[2], "SAME_DOI", "doi", null, null, "PREFIX", 0, 4, 0, 2019, null));
        topic.publish(fixture.upserted());

        JsonPath matches = awaitMatches(id);

        assertThat(matches.getLong("meta.count")).isEqualTo(3);
        assertThat(matches.getString("meta.countKind")).isEqualTo("exact");
        assertThat(matches.getInt("meta.perPage")).isEqualTo(50);
        assertThat(matches.getString("meta.nextCursor")).isNull();
        assertThat(matches.getBoolean("recorded")).isTrue();
        assertThat(matches.getList("results")).hasSize(2);
        assertThat(matches.getString("results[0].recordA")).isEqualTo(ids[0]);
        assertThat(matches.getString("results[0].recordB")).isEqualTo(ids[1]);
        assertThat(matches.getString("results[0].rule")).isEqualTo("SAME_TITLE_AUTHORS");
        assertThat(matches.getString("results[0].reason")).startsWith("The titles and the authors agree");
        assertThat(matches.getList("results[0].explanation", String.class)).containsExactly(
                "Abstracts: 12% of their word triples shared (Jaccard 0.12); 31% of the shorter one inside the longer.",
                "Titles: equal.", "Authors: 3 shared (4 and 3 listed).", "Years: 2019 and 2020.", "Venues: different.");
        assertThat(matches.getDouble("results[0].evidence.abstractJaccard")).isEqualTo(0.12);
        assertThat(matches.getInt("results[0].evidence.sharedAuthors")).isEqualTo(3);
        assertThat(matches.getInt("results[0].evidence.yearB")).isEqualTo(2020);
        assertThat(matches.getBoolean("results[0].evidence.sameVenue")).isFalse();
        assertThat(matches.getInt("results[0].matcherVersion")).isEqualTo(2);
        assertThat(matches.getString("results[0].sourceA.recordId")).isEqualTo(ids[0]);
        assertThat(java.util.List.of(matches.getString("results[0].sourceA.key"), matches.getString("results[0].sourceB.key")))
                .allSatisfy(key -> assertThat(key).isIn("refs.bib", "export.ris", "more.ris"));
        assertThat(matches.getString("results[1].rule")).isEqualTo("SAME_DOI");
        assertThat(matches.getString("results[1].evidence.identifier")).isEqualTo("doi");
        assertThat(matches.getString("results[1].evidence.abstractJaccard")).isNull();
        assertThat(matches.getList("results[1].explanation", String.class)).containsExactly("Identifier: the same DOI.",
                "Abstracts: not compared (missing or too short on a record).",
                "Titles: one begins the other (a subtitle left out).", "Authors: listed on one record only.",
                "Year: 2019 on one record only.", "Venues: different.");
    }

    @Test
    void aNewerVersionReplacesThePairsAndAWorkMergedAwayLosesThemAndAnswers301() throws SQLException {
        String survivor = newId();
        String merged = newId();
        WorkFixture first = work(merged).source("local", "b.txt", 1);
        String[] ids = sortedIds(first, 2);
        topic.publish(work(survivor).matches(0).upserted(),
                first.matches(1, pair(ids[0], ids[1], "SIMILAR_ABSTRACT", null, 0.6, 0.8, "ABSENT", 0, 0, 0, null, null)).upserted());
        awaitMatches(merged);
        topic.publish(first.version(2).matches(1, pair(ids[0], ids[1], "SAME_FINGERPRINT", null, 1.0, 1.0, "ABSENT", 0, 0, 0,
                null, null)).upserted());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> when().get("/works/{id}/matches", merged).then()
                .statusCode(200).body("results.rule", contains("SAME_FINGERPRINT")));
        assertThat(rows(merged)).isEqualTo(1);

        topic.publish(WorkEvent.redirected(merged, 3, survivor));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().redirects().follow(false)
                .when().get("/works/{id}/matches", merged).then()
                .statusCode(301).header("Location", "/works/" + survivor + "/matches"));
        assertThat(rows(merged)).as("the merged id's rows went with its work").isZero();
        when().get("/works/{id}/matches", survivor).then().statusCode(200)
                .body("meta.count", equalTo(0)).body("results", hasSize(0)).body("recorded", equalTo(true));
    }

    @Test
    void aWorkFromAnEventBeforeSchemaThreeSaysItsMatchesWereNotRecorded() {
        String id = newId();
        topic.publishRaw(0, id, "{\"schema\":\"work-event/2\",\"type\":\"UPSERTED\",\"workId\":\"" + id
                + "\",\"version\":1,\"work\":{\"workId\":\"" + id + "\",\"version\":1,\"title\":\"Old shape\","
                + "\"abstractText\":\"An abstract.\",\"sources\":[{\"recordId\":\"r-1\"},{\"recordId\":\"r-2\"}],"
                + "\"memberCount\":2,\"updatedAt\":\"2026-11-23T10:00:00Z\"}}");

        JsonPath matches = awaitMatches(id);

        assertThat(matches.getBoolean("recorded")).isFalse();
        assertThat(matches.getLong("meta.count")).isZero();
        assertThat(matches.getList("results")).isEmpty();
    }

    @Test
    void anUnknownWorkIsA404ProblemAndAnUnknownParameterA400() {
        when().get("/works/{id}/matches", "w-nope").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:abstract-catalog:problem:work-not-found"))
                .body("instance", equalTo("/works/w-nope/matches"));
        String id = newId();
        topic.publish(work(id).matches(0).upserted());
        awaitMatches(id);
        given().queryParam("limit", 5).when().get("/works/{id}/matches", id).then().statusCode(400)
                .body("type", equalTo("urn:abstract-catalog:problem:unknown-parameter"))
                .body("parameter", equalTo("limit"))
                .body("knownParameters", hasSize(0))
                .body("detail", org.hamcrest.Matchers.containsString("takes no query parameters"));
        given().when().get("/works/{id}/matches", id).then().body("meta.nextCursor", nullValue());
    }

    static WorkMatch pair(String a, String b, String rule, String identifier, Double jaccard, Double containment,
                          String title, int shared, int authorsA, int authorsB, Integer yearA, Integer yearB) {
        return new WorkMatch(a, b, rule, identifier, jaccard, containment, false, title, false, shared, authorsA, authorsB,
                yearA, yearB, false, 2);
    }

    private static String[] sortedIds(WorkFixture fixture, int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = fixture.recordId(i);
        }
        java.util.Arrays.sort(ids);
        return ids;
    }

    private int rows(String workId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM work_match WHERE work_id = ?")) {
            query.setString(1, workId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static JsonPath awaitMatches(String id) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> given().redirects().follow(false).when().get("/works/{id}/matches", id).then().extract(),
                response -> response.statusCode() == 200).jsonPath();
    }
}
