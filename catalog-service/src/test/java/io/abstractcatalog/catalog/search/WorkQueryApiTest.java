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

import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.abstractcatalog.catalog.testing.WorksApi;
import io.abstractcatalog.catalog.testing.WorksTopic;

/** Every parameter of GET /works and GET /affiliations against the real database; unique tags isolate tests. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class WorkQueryApiTest {

    @Inject
    WorksTopic topic;

    @Test
    void sourceMatchesAFileKeyOrAFormat() {
        String tag = uniqueTag();
        String file = "uploads/" + UUID.randomUUID() + ".bib";
        String format = "bibtex-" + UUID.randomUUID();
        String inFile = newId();
        String ofFormat = newId();
        String neither = newId();
        topic.publish(work(inFile).noSources().source("b", file, 0, "bibtex").affiliations(tag).upserted(),
                work(ofFormat).noSources().source("b", "x/" + UUID.randomUUID(), 3, format).affiliations(tag).upserted(),
                work(neither).affiliations(tag).upserted());
        awaitCount(tag, 3);

        assertThat(ids(Map.of("source", file))).containsExactly(inFile);
        assertThat(ids(Map.of("source", format))).containsExactly(ofFormat);
        assertThat(ids(Map.of("source", file, "affiliation", tag))).containsExactly(inFile);
        assertThat(ids(Map.of("source", "no-such-file-" + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void hasDuplicatesSplitsMergedWorksFromSingleRecordOnes() {
        String tag = uniqueTag();
        String merged = newId();
        String single = newId();
        topic.publish(work(merged).source("b", "other.txt", 4).affiliations(tag).upserted(),
                work(single).affiliations(tag).upserted());
        awaitCount(tag, 2);

        assertThat(ids(Map.of("affiliation", tag, "has_duplicates", "true"))).containsExactly(merged);
        assertThat(ids(Map.of("affiliation", tag, "has_duplicates", "FALSE"))).containsExactly(single);
        assertThat(ids(Map.of("affiliation", tag))).containsExactlyInAnyOrder(merged, single);
    }

    @Test
    void doiMatchesIgnoringCaseAndResolverPrefixes() {
        String tag = uniqueTag();
        String doi = "10.1234/ABC." + UUID.randomUUID();
        String id = newId();
        topic.publish(work(id).identifiers(List.of(doi), List.of()).affiliations(tag).upserted(),
                work(newId()).identifiers(List.of("10.9/other"), List.of()).affiliations(tag).upserted());
        awaitCount(tag, 2);

        assertThat(ids(Map.of("doi", doi))).containsExactly(id);
        assertThat(ids(Map.of("doi", doi.toLowerCase()))).containsExactly(id);
        assertThat(ids(Map.of("doi", "https://doi.org/" + doi))).containsExactly(id);
        assertThat(ids(Map.of("doi", "doi:" + doi))).containsExactly(id);
    }

    @Test
    void yearIsDerivedFromArxivIdsAndFiltersByRangeAndGroups() {
        String tag = uniqueTag();
        String y2012 = newId();
        String y1999 = newId();
        String y2021 = newId();
        String none = newId();
        topic.publish(work(y2012).identifiers(null, List.of("1202.3732", "1903.00001")).affiliations(tag).upserted(),
                work(y1999).identifiers(null, List.of("hep-th/9901001")).affiliations(tag).upserted(),
                work(y2021).identifiers(null, List.of("arXiv:2105.01234v2")).affiliations(tag).upserted(),
                work(none).affiliations(tag).upserted());
        awaitCount(tag, 4);

        assertThat(ids(Map.of("affiliation", tag, "year", "2012"))).containsExactly(y2012);
        assertThat(ids(Map.of("affiliation", tag, "year", "1990-2012"))).containsExactlyInAnyOrder(y2012, y1999);
        assertThat(ids(Map.of("affiliation", tag, "year", "2013-"))).containsExactly(y2021);
        assertThat(ids(Map.of("affiliation", tag, "year", "-2000"))).containsExactly(y1999);
        JsonPath page = search(Map.of("affiliation", tag, "group_by", "year"));
        assertThat(page.getList("groups.year.results.key", String.class)).containsExactly("2021", "2012", "1999");
        assertThat(page.getList("groups.year.results.count", Integer.class)).containsExactly(1, 1, 1);
        assertThat(page.getInt("results.find { it.workId == '" + y2012 + "' }.year")).isEqualTo(2012);
    }

    @Test
    void sortOrdersByTitleAndUpdateInBothDirections() {
        String tag = uniqueTag();
        Instant t = Instant.parse("2026-04-01T00:00:00Z");
        String b = newId();
        String a = newId();
        String c = newId();
        topic.publish(work(b).title("beta").updatedAt(t.plusSeconds(1)).affiliations(tag).upserted(),
                work(a).title("Alpha").updatedAt(t.plusSeconds(3)).affiliations(tag).upserted(),
                work(c).title("Gamma").updatedAt(t.plusSeconds(2)).affiliations(tag).upserted());
        awaitCount(tag, 3);

        assertThat(ids(Map.of("affiliation", tag, "sort", "title"))).containsExactly(a, b, c);
        assertThat(ids(Map.of("affiliation", tag, "sort", "-title"))).containsExactly(c, b, a);
        assertThat(ids(Map.of("affiliation", tag, "sort", "updated"))).containsExactly(b, c, a);
        assertThat(ids(Map.of("affiliation", tag, "sort", "-updated"))).containsExactly(a, c, b);
        assertThat(ids(Map.of("affiliation", tag))).containsExactly(a, c, b);
    }

    @Test
    void everySortPagesByCursorWithoutGapsOrRepeats() {
        String tag = uniqueTag();
        List<WorkEvent> events = new ArrayList<>();
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 19; i++) {
            // Repeated titles and times make the id tie-break carry the paging.
            events.add(work(newId()).title("Graph title " + (i % 4)).abstractText("graph neural " + (i % 3))
                    .updatedAt(t.plusSeconds(i / 3)).affiliations(tag).upserted());
        }
        topic.publish(events.toArray(WorkEvent[]::new));
        awaitCount(tag, 19);

        for (String sort : List.of("title", "-title", "updated", "-updated", "relevance")) {
            Map<String, String> query = Map.of("affiliation", tag, "sort", sort, "q", "graph");
            List<String> all = ids(with(query, "limit", "100"));
            assertThat(all).as(sort).hasSize(19);
            assertThat(walk(query, 4)).as(sort).containsExactlyElementsOf(all);
        }
    }

    @Test
    void anAffiliationListsItsWorksOnceEachNewestFirstAndFollowsTheirUpdates() {
        String tag = uniqueTag();
        Instant t = Instant.parse("2026-05-01T00:00:00Z");
        List<String> ids = new ArrayList<>();
        List<WorkEvent> events = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ids.add(newId());
            // Pairs of equal times make the id tie-break carry the order; one work has the name in two spellings.
            events.add(work(ids.get(i)).updatedAt(t.plusSeconds(i / 2))
                    .affiliations(i == 4 ? new String[] {tag, tag.toUpperCase()} : new String[] {tag}).upserted());
        }
        topic.publish(events.toArray(WorkEvent[]::new));
        awaitCount(tag, 9);

        List<String> newestFirst = ids(Map.of("affiliation", tag.toUpperCase(), "limit", "100"));
        assertThat(newestFirst).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(newestFirst.subList(0, 1)).containsExactly(ids.get(8));
        assertThat(walk(Map.of("affiliation", tag), 2)).containsExactlyElementsOf(newestFirst);
        List<String> oldestFirst = ids(Map.of("affiliation", tag, "sort", "updated", "limit", "100"));
        assertThat(walk(Map.of("affiliation", tag, "sort", "updated"), 2)).containsExactlyElementsOf(oldestFirst);
        List<String> reversed = new ArrayList<>(newestFirst);
        Collections.reverse(reversed);
        assertThat(oldestFirst).containsExactlyElementsOf(reversed);

        // A new version of the oldest work makes it the newest one of the affiliation.
        topic.publish(work(ids.get(0)).version(2).updatedAt(t.plusSeconds(60)).affiliations(tag).upserted());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ids(Map.of("affiliation", tag, "limit", "1"))).containsExactly(ids.get(0)));
        assertThat(ids(Map.of("affiliation", tag, "sort", "updated", "limit", "100"))).last().isEqualTo(ids.get(0));
    }

    @Test
    void aCursorStaysCorrectWhileWorksChange() {
        String tag = uniqueTag();
        Instant t = Instant.parse("2026-02-01T00:00:00Z");
        List<WorkEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(work("w-chg-" + tag.hashCode() + "-" + (100 + i)).title("T" + (100 + i))
                    .updatedAt(t.plusSeconds(i)).affiliations(tag).upserted());
        }
        topic.publish(events.toArray(WorkEvent[]::new));
        awaitCount(tag, 12);

        Map<String, String> query = Map.of("affiliation", tag, "sort", "title", "limit", "4");
        JsonPath first = search(query);
        List<String> seen = new ArrayList<>(first.getList("results.workId", String.class));
        // Meanwhile: a work of the first page is deleted (redirected), one of a later page gets a new version,
        // and a new work sorts before the cursor.
        String later = events.get(9).workId();
        String added = newId();
        topic.publish(WorkEvent.redirected(events.get(0).workId(), 2, events.get(1).workId()),
                work(later).version(2).title("T109").abstractText("revised").affiliations(tag).upserted(),
                work(added).title("A new one").affiliations(tag).upserted());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> now = ids(Map.of("affiliation", tag, "limit", "100"));
            return now.contains(added) && !now.contains(events.get(0).workId())
                    && search(Map.of("affiliation", tag, "q", "revised")).getList("results").size() == 1;
        });

        String cursor = first.getString("meta.nextCursor");
        while (cursor != null) {
            JsonPath page = search(with(query, "cursor", cursor));
            seen.addAll(page.getList("results.workId", String.class));
            cursor = page.getString("meta.nextCursor");
        }
        List<String> expected = events.stream().map(WorkEvent::workId).toList();
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    }

    @Test
    void selectReturnsOnlyTheNamedFieldsAndAlwaysTheId() {
        String tag = uniqueTag();
        topic.publish(work(newId()).title("Selective fields").affiliations(tag).upserted());
        awaitCount(tag, 1);

        Map<String, Object> item = search(Map.of("affiliation", tag, "select", "title, memberCount")).getMap("results[0]");
        assertThat(item.keySet()).containsExactlyInAnyOrder("workId", "title", "memberCount");
        Map<String, Object> full = search(Map.of("affiliation", tag)).getMap("results[0]");
        assertThat(full.keySet()).contains("abstractText", "affiliations", "identifiers", "updatedAt")
                .doesNotContain("rank", "snippet");
        Map<String, Object> searched = search(Map.of("affiliation", tag, "q", "selective", "select", "snippet,rank"))
                .getMap("results[0]");
        assertThat(searched.keySet()).containsExactlyInAnyOrder("workId", "snippet", "rank");
    }

    @Test
    void snippetsHighlightMatchesAndEscapeTheText() {
        String tag = uniqueTag();
        topic.publish(work(newId()).title("Attention <b>is</b> all").affiliations(tag)
                .abstractText("<script>alert('x')</script> Attention: if x < y & y > z, it is 'all' we need.")
                .upserted());
        awaitCount(tag, 1);

        JsonPath page = search(Map.of("affiliation", tag, "q", "attention"));
        String snippet = page.getString("results[0].snippet");
        // PostgreSQL's parser drops HTML tags from headlines; whatever text remains is escaped.
        assertThat(snippet).contains("<mark>Attention</mark>").contains("x &lt; y &amp; y &gt; z").contains("&#39;all&#39;")
                .doesNotContain("<script");
        assertThat(page.getString("results[0].titleHighlight")).isEqualTo("<mark>Attention</mark> &lt;b&gt;is&lt;/b&gt; all");
        assertThat(page.getString("results[0].abstractText")).contains("<script>"); // the data itself is as given
    }

    @Test
    void webSearchSyntaxSupportsOrPhrasesAndExclusion() {
        String tag = uniqueTag();
        String cats = newId();
        String dogs = newId();
        String both = newId();
        topic.publish(work(cats).title("Cats").abstractText("feline vision models").affiliations(tag).upserted(),
                work(dogs).title("Dogs").abstractText("canine vision study").affiliations(tag).upserted(),
                work(both).title("Pets").abstractText("vision of feline and canine friends").affiliations(tag).upserted());
        awaitCount(tag, 3);

        assertThat(ids(Map.of("affiliation", tag, "q", "feline or canine"))).containsExactlyInAnyOrder(cats, dogs, both);
        assertThat(ids(Map.of("affiliation", tag, "q", "feline -canine"))).containsExactly(cats);
        assertThat(ids(Map.of("affiliation", tag, "q", "\"canine vision\""))).containsExactly(dogs);
    }

    @Test
    void groupByCountsAffiliationsSourcesAndFormatsOverAllMatches() {
        String tag = uniqueTag();
        String second = "Second " + tag;
        String file = "g/" + UUID.randomUUID() + ".txt";
        List<WorkEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var fixture = work(newId()).noSources().source("b", file, i, "csv");
            events.add((i < 2 ? fixture.affiliations(tag, second) : fixture.affiliations(tag)).upserted());
        }
        topic.publish(events.toArray(WorkEvent[]::new));
        awaitCount(tag, 5);

        JsonPath page = search(Map.of("affiliation", tag, "limit", "1", "group_by", "affiliation,source,format"));
        assertThat(page.getList("results")).hasSize(1);
        assertThat(page.getList("groups.affiliation.results.key", String.class)).containsExactly(tag, second);
        assertThat(page.getList("groups.affiliation.results.count", Integer.class)).containsExactly(5, 2);
        assertThat(page.getList("groups.source.results.key", String.class)).containsExactly(file);
        assertThat(page.getList("groups.source.results.count", Integer.class)).containsExactly(5);
        assertThat(page.getList("groups.format.results.key", String.class)).containsExactly("csv");
        assertThat(search(Map.of("affiliation", tag)).getMap("$")).doesNotContainKey("groups");
    }

    @Test
    void affiliationsAreListedWithWorkCounts() {
        String tag = "Zq" + UUID.randomUUID().toString().replace("-", "");
        topic.publish(work(newId()).affiliations(tag + " Lab").upserted(),
                work(newId()).affiliations(tag.toUpperCase() + " LAB").upserted(),
                work(newId()).affiliations(tag + " Other").upserted());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(given().queryParam("prefix", tag)
                .get("/affiliations").then().statusCode(200).extract().jsonPath().getList("results")).hasSize(2));

        JsonPath list = given().queryParam("prefix", tag.toLowerCase()).get("/affiliations").then().extract().jsonPath();
        assertThat(list.getList("results.works", Integer.class)).containsExactly(2, 1);
        assertThat(list.getString("results[1].name")).isEqualTo(tag + " Other");
        assertThat(given().queryParam("prefix", "%").get("/affiliations").then().statusCode(200).extract()
                .jsonPath().getList("results")).isEmpty();
        assertThat(given().queryParam("limit", "1").get("/affiliations").then().statusCode(200).extract()
                .jsonPath().getList("results")).hasSize(1);
        given().queryParam("limit", "0").get("/affiliations").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("limit"));
        given().queryParam("prefix", "x".repeat(201)).get("/affiliations").then().statusCode(400)
                .body("parameter", equalTo("prefix"));
    }

    @Test
    void aCursorReusedWithAnotherQueryFilterOrSortIsABadRequest() {
        String tag = uniqueTag();
        topic.publish(work(newId()).title("one").affiliations(tag).upserted(),
                work(newId()).title("two").affiliations(tag).upserted());
        awaitCount(tag, 2);
        String cursor = search(Map.of("affiliation", tag, "limit", "1", "sort", "title")).getString("meta.nextCursor");
        assertThat(cursor).isNotNull();

        for (Map<String, String> other : List.of(Map.of("affiliation", tag + "x", "sort", "title"),
                Map.of("affiliation", tag, "sort", "-title"), Map.of("affiliation", tag, "sort", "title", "q", "one"),
                Map.of("affiliation", tag, "sort", "title", "has_duplicates", "true"),
                Map.of("affiliation", tag, "sort", "title", "year", "2020"))) {
            given().queryParams(other).queryParam("cursor", cursor).get("/works").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("parameter", equalTo("cursor")).body("detail", containsString("different query"));
        }
        // The same query with another limit, select or group_by is fine; so is the affiliation in another case.
        given().queryParams(Map.of("affiliation", tag.toUpperCase(), "sort", "title", "limit", "5", "select", "title",
                "group_by", "source")).queryParam("cursor", cursor).get("/works").then().statusCode(200)
                .body("results.size()", equalTo(1));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "sort|newest|not a sort order", "sort|-relevance|always best match first", "sort|relevance|needs a q",
            "select|title,password|not a field", "group_by|publisher|Use a comma-separated list",
            "has_duplicates|yes|Use true", "year|20x0|not a year", "year|2021-2019|after", "year|-|not a year",
            "limit|-1|out of range", "limit|1e3|not a whole number",
            "cursor|eyJzIjoidGl0bGUiLCJmIjoxfQ|previous page", "cursor|%%%|previous page"})
    void hostileOrUnknownValuesAreBadRequestsNamingTheParameter(String parameter, String value, String detail) {
        given().queryParam(parameter, value).get("/works").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:abstract-catalog:problem:invalid-parameter"))
                .body("parameter", equalTo(parameter)).body("detail", containsString(detail));
    }

    @Test
    void sqlInQueriesAndFiltersIsJustText() {
        for (String hostile : List.of("'; DROP TABLE work; --", "\") OR 1=1 --", "a' || pg_sleep(5) || '",
                "<script>", "\\x00", "((((", "!!! & | :*")) {
            given().queryParam("q", hostile).get("/works").then().statusCode(200);
            given().queryParam("affiliation", hostile).queryParam("source", hostile).queryParam("doi", hostile)
                    .get("/works").then().statusCode(200).body("results.size()", equalTo(0));
        }
        given().queryParam("q", "x".repeat(10_000)).get("/works").then().statusCode(400)
                .body("parameter", equalTo("q")).body("detail", containsString("10000 characters"));
        given().queryParam("q", "a\u0000b").get("/works").then().statusCode(400).body("parameter", equalTo("q"));
        given().queryParam("source", "y".repeat(501)).get("/works").then().statusCode(400)
                .body("parameter", equalTo("source"));
        // A forged cursor of the right query but an impossible key.
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"s\":\"-updated\",\"f\":\"x\",\"k\":\"99999-01-01T00:00:00Z\",\"id\":\"w\"}".getBytes(StandardCharsets.UTF_8));
        given().queryParam("cursor", forged).get("/works").then().statusCode(400).body("parameter", equalTo("cursor"));
        // The table is still there.
        given().get("/works").then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentDescribesEveryParameterWithExamples() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String parameter : List.of("\"q\"", "\"source\"", "\"has_duplicates\"", "\"doi\"", "\"year\"", "\"sort\"",
                "\"cursor\"", "\"select\"", "\"group_by\"", "/affiliations", "\"snippet\"", "<mark>")) {
            assertThat(document).contains(parameter);
        }
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static List<String> walk(Map<String, String> parameters, int limit) {
        return WorksApi.walk(with(parameters, "limit", String.valueOf(limit)));
    }
}
