package io.abstractcatalog.catalog.search;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.uniqueTag;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.abstractcatalog.catalog.testing.WorksApi.awaitCount;
import static io.abstractcatalog.catalog.testing.WorksApi.ids;
import static io.abstractcatalog.catalog.testing.WorksApi.search;
import static io.abstractcatalog.catalog.testing.WorksApi.walk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.abstractcatalog.contract.Identifiers;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.abstractcatalog.catalog.testing.WorksTopic;

/**
 * The bibliographic fields of works (schema 2 of work events) through GET /works and GET /works/{kind}:{value}, on
 * the real database: author, venue, pmid and year filters, year sorts with their cursors, facets, and the fields in
 * the answers. Unique tags (an affiliation per test) isolate tests sharing the database.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class BibliographicSearchTest {

    @Inject
    WorksTopic topic;

    @Test
    void authorMatchesAFamilyNameAloneOrAFullNameIgnoringCaseAccentsAndOrder() {
        String tag = uniqueTag();
        String hinton = newId();
        String godel = newId();
        String apart = newId();
        topic.publish(work(hinton).authors("Geoffrey E. Hinton", "Yann LeCun").affiliations(tag).upserted(),
                work(godel).authors("Gödel, Kurt").affiliations(tag).upserted(),
                // a Geoffrey and a Hinton, but not one person: a full name must be one author's
                work(apart).authors("Geoffrey Chaucer", "Jane Hinton-Smith").affiliations(tag).upserted());
        awaitCount(tag, 3);

        // a double-barrelled name is found by either part
        assertThat(ids(Map.of("affiliation", tag, "author", "hinton"))).containsExactlyInAnyOrder(hinton, apart);
        assertThat(ids(Map.of("affiliation", tag, "author", "Geoffrey Hinton"))).containsExactly(hinton);
        assertThat(ids(Map.of("affiliation", tag, "author", "HINTON, Geoffrey"))).containsExactly(hinton);
        assertThat(ids(Map.of("affiliation", tag, "author", "godel"))).containsExactly(godel);
        assertThat(ids(Map.of("affiliation", tag, "author", "Kurt Gödel"))).containsExactly(godel);
        assertThat(ids(Map.of("affiliation", tag, "author", "lecun"))).containsExactly(hinton);
        assertThat(ids(Map.of("affiliation", tag, "author", "Smith"))).containsExactly(apart);
        assertThat(ids(Map.of("affiliation", tag, "author", "Turing"))).isEmpty();
    }

    @Test
    void venueMatchesTheWholeNameFoldedAndPmidTheId() {
        String tag = uniqueTag();
        String neuro = newId();
        String nature = newId();
        String pmid = String.valueOf(10_000_000 + Math.abs(UUID.randomUUID().hashCode() % 80_000_000));
        topic.publish(work(neuro).venue("J. Neurosci.").affiliations(tag)
                        .identifiers(new Identifiers(List.of(), List.of(), List.of(pmid), List.of())).upserted(),
                work(nature).venue("Nature Neuroscience").affiliations(tag).upserted());
        awaitCount(tag, 2);

        assertThat(ids(Map.of("affiliation", tag, "venue", "j neurosci"))).containsExactly(neuro);
        assertThat(ids(Map.of("affiliation", tag, "venue", "J. NEUROSCI"))).containsExactly(neuro);
        assertThat(ids(Map.of("affiliation", tag, "venue", "Nature"))).isEmpty();
        assertThat(ids(Map.of("pmid", pmid))).containsExactly(neuro);
        assertThat(ids(Map.of("pmid", "PMID: " + pmid))).containsExactly(neuro);
    }

    @Test
    void aMalformedIdentifierOrAPunctuationOnlyNameIsA400NamingTheParameter() {
        given().queryParam("pmid", "12ab").get("/works").then().statusCode(400)
                .body("parameter", equalTo("pmid")).body("detail", containsString("not a PubMed id"));
        given().queryParam("author", "..").get("/works").then().statusCode(400)
                .body("parameter", equalTo("author")).body("detail", containsString("no letters"));
    }

    @Test
    void authorAloneWalksItsWorksNewestOrOldestFirstEachOnceAndFollowsRewrittenWorks() {
        // No affiliation: the author filter alone takes the author-word index walk (V12); a made-up family name
        // isolates the test's works.
        String family = "Zq" + UUID.randomUUID().toString().replace("-", "");
        String tag = uniqueTag();
        Instant base = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<String> oldestFirst = new ArrayList<>();
        List<io.abstractcatalog.contract.WorkEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = newId();
            oldestFirst.add(id);
            // work 2 has two authors of the family: still listed once
            String[] authors = i == 2 ? new String[] {"Ann " + family, "Bob " + family} : new String[] {"Ann " + family};
            events.add(work(id).authors(authors).affiliations(tag).updatedAt(base.plusSeconds(i)).upserted());
        }
        String split = newId();
        // an Ann and a family member, but not one person
        events.add(work(split).authors("Ann Other", "Cy " + family).affiliations(tag).updatedAt(base.plusSeconds(9))
                .upserted());
        topic.publish(events.toArray(io.abstractcatalog.contract.WorkEvent[]::new));
        awaitCount(tag, 6);

        List<String> newest = walk(Map.of("author", family, "limit", "2"));
        List<String> oldest = walk(Map.of("author", family, "sort", "updated", "limit", "2"));
        List<String> fullName = walk(Map.of("author", "Ann " + family, "limit", "2"));

        List<String> all = new ArrayList<>(oldestFirst);
        all.add(split);
        assertThat(oldest).containsExactlyElementsOf(all);
        assertThat(newest).containsExactlyElementsOf(reversed(all));
        assertThat(fullName).containsExactlyElementsOf(reversed(oldestFirst));

        // rewritten without the family, the first work leaves the filter; rewritten later, another moves to the front
        topic.publish(work(oldestFirst.get(0)).version(2).authors("Dee Else").affiliations(tag)
                        .updatedAt(base.plusSeconds(20)).upserted(),
                work(oldestFirst.get(1)).version(2).authors("Ann " + family).affiliations(tag)
                        .updatedAt(base.plusSeconds(21)).upserted());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(walk(Map.of("author", family)))
                .containsExactly(oldestFirst.get(1), split, oldestFirst.get(4), oldestFirst.get(3), oldestFirst.get(2)));
    }

    @Test
    void yearIsTheWorksOwnYearBeforeTheArxivOne() {
        String tag = uniqueTag();
        String published = newId();
        String arxivOnly = newId();
        topic.publish(work(published).year(2016).identifiers(List.of(), List.of("1202.3732")).affiliations(tag).upserted(),
                work(arxivOnly).identifiers(List.of(), List.of("1903.00001")).affiliations(tag).upserted());
        awaitCount(tag, 2);

        assertThat(ids(Map.of("affiliation", tag, "year", "2016"))).containsExactly(published);
        assertThat(ids(Map.of("affiliation", tag, "year", "2019"))).containsExactly(arxivOnly);
        assertThat(ids(Map.of("affiliation", tag, "year", "2012"))).isEmpty();
    }

    @Test
    void sortByYearPagesThroughEveryWorkOnceWithUndatedWorksLastBothWays() {
        String tag = uniqueTag();
        Map<String, Integer> years = new HashMap<>();
        int[] values = {2019, 2001, 2019, 1987, 2024, 2001, 2010};
        List<io.abstractcatalog.contract.WorkEvent> events = new ArrayList<>();
        for (int year : values) {
            String id = newId();
            years.put(id, year);
            events.add(work(id).year(year).affiliations(tag).upserted());
        }
        String undated = newId();
        events.add(work(undated).affiliations(tag).upserted());
        topic.publish(events.toArray(io.abstractcatalog.contract.WorkEvent[]::new));
        awaitCount(tag, values.length + 1);

        List<String> ascending = walk(Map.of("affiliation", tag, "sort", "year", "limit", "3"));
        List<String> descending = walk(Map.of("affiliation", tag, "sort", "-year", "limit", "3"));

        assertThat(ascending).hasSize(values.length + 1).doesNotHaveDuplicates().endsWith(undated);
        assertThat(descending).hasSize(values.length + 1).doesNotHaveDuplicates().endsWith(undated);
        assertThat(ascending.subList(0, values.length)).extracting(years::get).isSorted();
        List<Integer> newestFirst = descending.subList(0, values.length).stream().map(years::get).toList();
        assertThat(newestFirst).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(years.get(ascending.get(0))).isEqualTo(1987);
        assertThat(years.get(descending.get(0))).isEqualTo(2024);
    }

    @Test
    void facetsCountYearsVenuesAndAuthors() {
        String tag = uniqueTag();
        topic.publish(work(newId()).year(2020).venue("Nature").authors("Ada Lovelace", "Alan Turing").affiliations(tag).upserted(),
                work(newId()).year(2020).venue("NATURE").authors("Ada Lovelace").affiliations(tag).upserted(),
                work(newId()).year(2021).venue("Science").authors("Grace Hopper").affiliations(tag).upserted());
        awaitCount(tag, 3);

        JsonPath page = search(Map.of("affiliation", tag, "group_by", "year,venue,author"));

        assertThat(page.getList("groups.year.results.key", String.class)).containsExactly("2021", "2020");
        assertThat(page.getList("groups.year.results.count", Integer.class)).containsExactly(1, 2);
        assertThat(page.getList("groups.venue.results.key", String.class)).containsExactly("NATURE", "Science");
        assertThat(page.getList("groups.venue.results.count", Integer.class)).containsExactly(2, 1);
        assertThat(page.getList("groups.author.results.key", String.class))
                .containsExactly("Ada Lovelace", "Alan Turing", "Grace Hopper");
        assertThat(page.getList("groups.author.results.count", Integer.class)).containsExactly(2, 1, 1);
    }

    @Test
    void answersCarryAuthorsVenueUrlAndEveryIdentifier() {
        String tag = uniqueTag();
        String id = newId();
        String doi = "10.1136/gutjnl-" + UUID.randomUUID();
        String pmcid = "PMC" + (1_000_000 + Math.abs(UUID.randomUUID().hashCode() % 8_000_000));
        topic.publish(work(id).authors("Hinton, Geoffrey E.", "Yee-Whye Teh").year(2006).venue("Neural Computation")
                .url("https://example.org/paper").affiliations(tag)
                .identifiers(new Identifiers(List.of(doi), List.of(), List.of(), List.of(pmcid))).upserted());
        awaitCount(tag, 1);

        JsonPath item = search(Map.of("affiliation", tag));
        assertThat(item.getList("results[0].authors.name", String.class)).containsExactly("Hinton, Geoffrey E.", "Yee-Whye Teh");
        assertThat(item.getList("results[0].authors.family", String.class)).containsExactly("Hinton", "Teh");
        assertThat(item.getString("results[0].venue")).isEqualTo("Neural Computation");
        assertThat(item.getString("results[0].url")).isEqualTo("https://example.org/paper");
        assertThat(item.getInt("results[0].year")).isEqualTo(2006);
        assertThat(item.getList("results[0].identifiers.pmcid", String.class)).containsExactly(pmcid);
        assertThat(search(Map.of("affiliation", tag, "select", "authors")).getMap("results[0]").keySet())
                .containsExactlyInAnyOrder("workId", "authors");

        JsonPath detail = given().get("/works/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("authors.given", String.class)).containsExactly("Geoffrey E.", "Yee-Whye");
        assertThat(detail.getInt("year")).isEqualTo(2006);
        assertThat(detail.getString("venue")).isEqualTo("Neural Computation");
    }

    @Test
    void aWorkIsFoundByEachOfItsIdentifiersAndAnUnknownOneIsA404Problem() {
        String tag = uniqueTag();
        String id = newId();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String doi = "10.1136/gutjnl-2016-" + suffix;
        String pmid = String.valueOf(10_000_000 + Math.abs(suffix.hashCode() % 80_000_000));
        String arxiv = "2106." + String.format("%05d", Math.abs(suffix.hashCode() % 100_000));
        topic.publish(work(id).affiliations(tag)
                .identifiers(new Identifiers(List.of(doi), List.of(arxiv), List.of(pmid), List.of())).upserted());
        awaitCount(tag, 1);

        for (String path : List.of("doi:https:/doi.org/" + doi, "doi:" + doi, "doi:" + doi.toUpperCase(), "doi:https://doi.org/" + doi, "pmid:" + pmid,
                "arxiv:" + arxiv, "arxiv:" + arxiv + "v3")) {
            given().urlEncodingEnabled(false).get("/works/" + path).then().statusCode(200).body("workId", equalTo(id));
        }
        given().urlEncodingEnabled(false).get("/works/pmid:1").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("No work has the pmid '1'"));
        given().urlEncodingEnabled(false).get("/works/doi:10.9999/none-" + suffix).then().statusCode(404);
        // a work id is still a work id, and its sources still answer
        given().get("/works/{id}/sources", id).then().statusCode(200);
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
