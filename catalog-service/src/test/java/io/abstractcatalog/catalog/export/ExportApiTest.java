package io.abstractcatalog.catalog.export;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.uniqueTag;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.abstractcatalog.catalog.testing.WorksApi.awaitCount;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.abstractcatalog.catalog.testing.WorksTopic;
import io.abstractcatalog.contract.Identifiers;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Exports through GET /works and GET /works/{id} on the real database: every match (not a page) with the search's
 * filters and sort, the format chosen by Accept or format=, downloads named by Content-Disposition, 406 for a type
 * no method writes, 301 for a merged work keeping the format.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ExportApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WorksTopic topic;

    @Test
    void aQueryExportHoldsEveryMatchNotAPageInTheSortOfTheRequest() {
        String tag = uniqueTag();
        int works = 130; // more than the largest page (100)
        List<WorkEvent> events = new ArrayList<>();
        for (int i = 0; i < works; i++) {
            events.add(work(newId()).title(String.format("Paper %03d on graphs", i)).affiliations(tag)
                    .year(2000 + i % 20).upserted());
        }
        topic.publish(events.toArray(WorkEvent[]::new));
        awaitCount(tag, 100); // the page is capped at 100; the export is not
        Response csv = given().queryParam("affiliation", tag).queryParam("sort", "title").accept("text/csv")
                .get("/works").then().statusCode(200).extract().response();

        List<Map<String, String>> rows = csvRows(csv.asString());
        assertThat(rows).hasSize(works);
        assertThat(rows).extracting(row -> row.get("title")).isSorted().first().isEqualTo("Paper 000 on graphs");
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"works.csv\"");
    }

    @Test
    void theFiltersMeanWhatTheyMeanInSearch() {
        String tag = uniqueTag();
        String hinton = newId();
        String other = newId();
        topic.publish(work(hinton).title("Deep belief nets " + tag.hashCode()).authors("Geoffrey E. Hinton")
                        .abstractText("Restricted Boltzmann machines stacked.").year(2006).venue("Neural Computation")
                        .affiliations(tag).upserted(),
                work(other).title("Something else").authors("Yann LeCun").year(1998).affiliations(tag).upserted());
        awaitCount(tag, 2);

        assertThat(jsonLines(Map.of("affiliation", tag, "author", "hinton"))).extracting(w -> w.get("workId").asText())
                .containsExactly(hinton);
        assertThat(jsonLines(Map.of("affiliation", tag, "year", "1990-2000"))).extracting(w -> w.get("workId").asText())
                .containsExactly(other);
        assertThat(jsonLines(Map.of("affiliation", tag, "q", "boltzmann"))).extracting(w -> w.get("workId").asText())
                .containsExactly(hinton);
        assertThat(jsonLines(Map.of("affiliation", tag, "venue", "neural computation", "q", "\"belief nets\"")))
                .extracting(w -> w.get("workId").asText()).containsExactly(hinton);
        assertThat(jsonLines(Map.of("affiliation", tag, "sort", "-year"))).extracting(w -> w.get("workId").asText())
                .containsExactly(hinton, other);
        assertThat(jsonLines(Map.of("affiliation", tag, "q", "nothingmatchesthis"))).isEmpty();
    }

    @Test
    void acceptOrFormatChoosesTheFormatAndJsonStaysTheDefault() {
        String tag = uniqueTag();
        String id = newId();
        topic.publish(work(id).title("Négociation & {braces} 100%").authors("Gödel, Kurt").year(1931)
                .venue("Monatshefte für Mathematik").affiliations(tag)
                .identifiers(new Identifiers(List.of("10.1007/bf01700692"), List.of(), List.of(), List.of())).upserted());
        awaitCount(tag, 1);

        record Case(String accept, String format, String type, String extension, String starts) {
        }
        for (Case c : List.of(
                new Case("application/x-bibtex", null, "application/x-bibtex", "bib", "% Encoding: UTF-8"),
                new Case("application/x-research-info-systems", null, "application/x-research-info-systems", "ris", "TY  - JOUR"),
                new Case("text/csv", null, "text/csv", "csv", "work_id,title,"),
                new Case("application/x-ndjson", null, "application/x-ndjson", "jsonl", "{\"workId\":\"" + id),
                new Case("application/vnd.citationstyles.csl+json", null, "application/vnd.citationstyles.csl+json", "json", "[{\"id\":\"" + id),
                new Case(null, "bibtex", "application/x-bibtex", "bib", "% Encoding: UTF-8"),
                new Case(null, "RIS", "application/x-research-info-systems", "ris", "TY  - JOUR"),
                new Case(null, "csv", "text/csv", "csv", "work_id,title,"),
                new Case(null, "jsonl", "application/x-ndjson", "jsonl", "{\"workId\":\"" + id),
                new Case(null, "csl-json", "application/vnd.citationstyles.csl+json", "json", "[{\"id\":\"" + id),
                // format= wins over Accept
                new Case("application/json", "ris", "application/x-research-info-systems", "ris", "TY  - JOUR"),
                // the first acceptable type by quality
                new Case("text/html;q=0.9, application/x-bibtex;q=0.5, text/csv", null, "text/csv", "csv", "work_id,"),
                new Case("text/*", null, "text/csv", "csv", "work_id,"))) {
            var request = given().queryParam("affiliation", tag);
            if (c.accept() != null) {
                request.header("Accept", c.accept());
            }
            if (c.format() != null) {
                request.queryParam("format", c.format());
            }
            Response answer = request.get("/works").then().statusCode(200).extract().response();
            assertThat(answer.contentType()).as(c.toString()).isEqualTo(c.type() + ";charset=UTF-8");
            assertThat(answer.header("Content-Disposition")).as(c.toString())
                    .isEqualTo("attachment; filename=\"works." + c.extension() + "\"");
            assertThat(answer.asString()).as(c.toString()).startsWith(c.starts()).contains("Monatshefte für Mathematik");
        }
        // JSON for no Accept, */*, application/json, format=json: the page, no download
        for (String accept : new String[] {null, "*/*", "application/json", "text/html, */*;q=0.8"}) {
            var request = given().queryParam("affiliation", tag);
            if (accept != null) {
                request.header("Accept", accept);
            }
            request.get("/works").then().statusCode(200).contentType("application/json")
                    .body("results[0].workId", equalTo(id));
        }
        given().queryParam("affiliation", tag).queryParam("format", "json").header("Accept", "text/csv").get("/works")
                .then().statusCode(200).contentType("application/json").body("results[0].workId", equalTo(id));
    }

    @Test
    void anUnsupportedAcceptIs406AndAnUnknownFormatOrPageParameterA400Problem() {
        given().header("Accept", "application/xml").get("/works").then().statusCode(406)
                .contentType("application/problem+json");
        given().header("Accept", "application/xml").get("/works/" + newId()).then().statusCode(406);
        given().queryParam("format", "endnote").get("/works").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("format"))
                .body("detail", startsWith("format 'endnote' is not one this service writes. Use one of json, bibtex"));
        given().queryParam("format", "bibtex").queryParam("limit", "5").get("/works").then().statusCode(400)
                .body("parameter", equalTo("limit"));
        given().queryParam("format", "bibtex").queryParam("year", "soon").get("/works").then().statusCode(400)
                .body("parameter", equalTo("year"));
    }

    @Test
    void oneWorkExportsInEveryFormatAndAMergedIdRedirectsKeepingTheFormat() {
        String tag = uniqueTag();
        String survivor = newId();
        String merged = newId();
        topic.publish(work(merged).title("Merged away").affiliations(tag).upserted());
        awaitCount(tag, 1);
        topic.publish(work(survivor).title("The survivor").authors("Ada Lovelace").year(1843).affiliations(tag)
                .identifiers(new Identifiers(List.of(), List.of("2106.01234"), List.of("27797938"), List.of()))
                .upserted(), WorkEvent.redirected(merged, 2, survivor));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().redirects().follow(false).get("/works/" + merged).then().statusCode(301));

        String bibtex = given().accept("application/x-bibtex").get("/works/" + survivor).then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"" + survivor + ".bib\"").extract().asString();
        assertThat(bibtex).contains("@misc{lovelace1843survivor-", "eprint = {2106.01234}", "archivePrefix = {arXiv}",
                "pmid = {27797938}", "author = {Lovelace, Ada}");
        String ris = given().queryParam("format", "ris").get("/works/" + survivor).then().statusCode(200)
                .extract().asString();
        assertThat(ris).startsWith("TY  - GEN\r\nID  - " + survivor + "\r\nTI  - The survivor\r\n")
                .contains("UR  - https://arxiv.org/abs/2106.01234\r\n").endsWith("ER  - \r\n");

        given().redirects().follow(false).queryParam("format", "csl-json").get("/works/" + merged).then()
                .statusCode(301).header("Location", "/works/" + survivor + "?format=csl-json");
        JsonNode csl = read(given().queryParam("format", "csl-json").get("/works/" + merged).then().statusCode(200)
                .contentType("application/vnd.citationstyles.csl+json").extract().asString());
        assertThat(csl).hasSize(1);
        assertThat(csl.get(0).get("id").asText()).isEqualTo(survivor);
        given().queryParam("format", "bibtex").get("/works/" + newId()).then().statusCode(404)
                .contentType("application/problem+json");
        // the JSON answer is unchanged
        given().get("/works/" + survivor).then().statusCode(200).contentType("application/json")
                .body("title", equalTo("The survivor"));
        given().get("/works/" + survivor + "/sources").then().statusCode(200).contentType("application/json");
    }

    @Test
    void bibtexKeysOfAQueryAreUniqueAndTheSameInEveryExport() {
        String tag = uniqueTag();
        List<WorkEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // the same first author, year and title word: only the id tells them apart
            events.add(work(newId()).title("Learning " + i).authors("Smith, John").year(2020).affiliations(tag).upserted());
        }
        topic.publish(events.toArray(WorkEvent[]::new));
        awaitCount(tag, 5);

        List<String> keys = keys(given().queryParam("affiliation", tag).queryParam("format", "bibtex").get("/works")
                .asString());
        assertThat(keys).hasSize(5).doesNotHaveDuplicates().allMatch(key -> key.startsWith("smith2020learning-"));
        List<String> byTitle = keys(given().queryParam("affiliation", tag).queryParam("sort", "-title")
                .queryParam("format", "bibtex").get("/works").asString());
        assertThat(byTitle).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void openApiListsTheExportTypesBesideJsonOnBothOperations() {
        JsonNode paths = read(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString()).get("paths");
        for (String path : List.of("/works", "/works/{id}")) {
            List<String> types = new ArrayList<>();
            paths.get(path).get("get").get("responses").get("200").get("content").fieldNames().forEachRemaining(types::add);
            assertThat(types).as(path).contains("application/json", "application/x-bibtex",
                    "application/x-research-info-systems", "text/csv", "application/x-ndjson",
                    "application/vnd.citationstyles.csl+json");
        }
    }

    private static List<String> keys(String bibtex) {
        List<String> keys = new ArrayList<>();
        Matcher entry = Pattern.compile("(?m)^@\\w+\\{([^,]+),").matcher(bibtex);
        while (entry.find()) {
            keys.add(entry.group(1));
        }
        return keys;
    }

    private static List<JsonNode> jsonLines(Map<String, String> parameters) {
        String body = given().queryParams(parameters).accept("application/x-ndjson").get("/works").then()
                .statusCode(200).extract().asString();
        List<JsonNode> works = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                works.add(read(line));
            }
        }
        return works;
    }

    static List<Map<String, String>> csvRows(String csv) {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
