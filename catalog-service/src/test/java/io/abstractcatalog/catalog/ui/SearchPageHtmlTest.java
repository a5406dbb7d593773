package io.abstractcatalog.catalog.ui;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;

import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.contract.WorkMatch;
import io.abstractcatalog.contract.http.ListMeta;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.abstractcatalog.catalog.testing.WorkFixture;
import io.abstractcatalog.catalog.testing.WorksTopic;

/**
 * The search page's HTML without a browser, so its bibliographic lines, links and form handling are checked on every
 * machine (SearchPageBrowserTest is skipped where Chromium is missing).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class SearchPageHtmlTest {

    @Inject
    WorksTopic topic;

    @Test
    void aResultNamesThreeAuthorsThenEtAlAndItsYearAndVenue() {
        String word = uniqueWord();
        publishAndWait(word, work(newId()).title("Four authors " + word)
                .authors("Geoffrey E. Hinton", "Osindero, Simon", "Yee-Whye Teh", "Max Welling")
                .year(2006).venue("Neural Computation"));

        String html = page("/?q=" + word);

        assertThat(html).contains("<p class=\"authors\">Geoffrey E. Hinton, Simon Osindero, Yee-Whye Teh et al.</p>")
                .contains("<p class=\"published\"><span class=\"year\">2006</span> · "
                        + "<cite class=\"venue\">Neural Computation</cite></p>")
                .doesNotContain("Max Welling");
    }

    @Test
    void threeAuthorsHaveNoEtAlAndAWorkWithoutAuthorsYearOrVenueHasNoEmptyLines() {
        String word = uniqueWord();
        publishAndWait(word, work(newId()).title("Three authors " + word).authors("A. One", "B. Two", "C. Three")
                .venue("Only A Venue"));
        assertThat(page("/?q=" + word)).contains("<p class=\"authors\">A. One, B. Two, C. Three</p>")
                .doesNotContain("et al.").contains("<p class=\"published\"><cite class=\"venue\">Only A Venue</cite></p>");

        String bare = uniqueWord();
        publishAndWait(bare, work(newId()).title("Bare " + bare));
        assertThat(page("/?q=" + bare)).contains("Bare <mark>" + bare + "</mark>")
                .doesNotContain("class=\"authors\"", "class=\"published\"", "class=\"year\"", "<cite");
    }

    @Test
    void yearAndVenueFacetsLinkToTheirFilterAndAnActiveOneLinksToItsRemoval() {
        String word = uniqueWord();
        publishAndWait(word, work(newId()).title("Older " + word).year(2006).venue("Neural Computation"),
                work(newId()).title("Newer " + word).year(2015).venue("Nature"));

        String all = page("/?q=" + word);
        assertThat(all).contains("href=\"/?q=" + word + "&amp;year=2015\">2015</a>",
                "href=\"/?q=" + word + "&amp;venue=Neural%20Computation\">Neural Computation</a>");

        String filtered = page("/?q=" + word + "&venue=neural%20computation");
        assertThat(filtered).contains("Older <mark>", "Venue: neural computation")
                .doesNotContain("Newer <mark>")
                .contains("<a href=\"/?q=" + word + "\" aria-current=\"true\">Neural Computation</a>")
                .contains("<input type=\"hidden\" name=\"venue\" value=\"neural computation\">");
    }

    @Test
    void theFormsYearInputsAndEmptyFieldsRedirectToTheTidyUrl() {
        raw().redirects().follow(false)
                .get("/?q=deep%20nets&author=&year_from=2018&year_to=2020&sort=")
                .then().statusCode(303).header("Location", endsWith("/?q=deep%20nets&year=2018-2020"));
        raw().redirects().follow(false).get("/?year_from=2018&year_to=")
                .then().statusCode(303).header("Location", endsWith("/?year=2018-"));
        raw().redirects().follow(false).get("/?year_from=2019&year_to=2019&sort=-year")
                .then().statusCode(303).header("Location", endsWith("/?year=2019&sort=-year"));
    }

    @Test
    void aBadYearRangeIsExplainedOnThePageWithTheInputsKept() {
        String html = raw().get("/?year=2020-2018&author=hinton").then().statusCode(400).contentType("text/html")
                .extract().asString();
        assertThat(html).contains("role=\"alert\">year 2020 is after 2018. Use 2020, 2018-2020")
                .contains("id=\"year_from\"", "value=\"2020\"", "value=\"2018\"", "value=\"hinton\"")
                .contains("Author: hinton");
    }

    @Test
    void theWorkPageEscapesNamesAndLinksOnlyWebUrls() {
        String word = uniqueWord();
        String id = newId();
        publishAndWait(word, work(id).title("Escaping " + word).authors("<b>Bold</b> Person")
                .url("javascript:alert(1)"));

        String html = page("/ui/works/" + id);

        assertThat(html).contains("&lt;b&gt;Bold&lt;/b&gt; Person").doesNotContain("<b>Bold</b>")
                .contains("<dd id=\"work-url\">javascript:alert(1)</dd>").doesNotContain("href=\"javascript:alert");
    }

    @Test
    void aWorkWithoutAbstractSaysSoInItsResultAndOnItsPageInsteadOfAnEmptySnippet() {
        String word = uniqueWord();
        String id = newId();
        publishAndWait(word, work(id).title("Bibliographic " + word).abstractText(null).authors("Yann LeCun"),
                work(newId()).title("Abstracted " + word).abstractText("Text about " + word + "."));

        String results = page("/?q=" + word);
        assertThat(results).contains("Bibliographic <mark>" + word + "</mark>")
                .contains("<p class=\"no-abstract\">No abstract in any source</p>")
                .contains("<p class=\"snippet\">Text about <mark>" + word + "</mark></p>")
                .doesNotContain("<p class=\"snippet\"></p>");
        assertThat(results.split("No abstract in any source", -1)).hasSize(2); // only the work without one

        String workPage = page("/ui/works/" + id);
        assertThat(workPage).contains("<h2 id=\"abstract\">Abstract</h2>")
                .contains("<p class=\"no-abstract\" id=\"no-abstract\">No abstract in any source");
    }

    @Test
    void theResultsOfferEveryMatchAsADownloadInEachFormatForTheQueryShown() {
        String word = uniqueWord();
        publishAndWait(word, work(newId()).title("Downloadable " + word).authors("Ada Lovelace").year(1843),
                work(newId()).title("Also downloadable " + word).authors("Ada Lovelace").year(1842));

        String html = page("/?q=" + word + "&author=lovelace&year=1840-1850&sort=-year");

        String query = "/works?q=" + word + "&amp;author=lovelace&amp;year=1840-1850&amp;sort=-year&amp;format=";
        assertThat(html).contains("<p class=\"downloads\">Download all results: "
                + "<a href=\"" + query + "bibtex\" download>BibTeX</a> · <a href=\"" + query + "ris\" download>RIS</a> · "
                + "<a href=\"" + query + "csv\" download>CSV</a> · <a href=\"" + query + "jsonl\" download>JSON Lines</a> · "
                + "<a href=\"" + query + "csl-json\" download>CSL-JSON</a></p>");
        // the link's download holds every result, in the page's order
        String bibtex = raw().get(query.replace("&amp;", "&") + "bibtex").then().statusCode(200)
                .contentType("application/x-bibtex").extract().asString();
        assertThat(bibtex.indexOf("lovelace1843downloadable-")).isPositive()
                .isLessThan(bibtex.indexOf("lovelace1842also-"));
        // no results, nothing to download
        assertThat(page("/?q=" + uniqueWord())).doesNotContain("class=\"downloads\"");
    }

    @Test
    void theHeadingSaysHowManyWorksMatchAndTheFooterLinksSwaggerUi() {
        String word = uniqueWord();
        publishAndWait(word, work(newId()).title("Counted " + word), work(newId()).title("Also counted " + word),
                work(newId()).title("Third " + word));

        String html = page("/?q=" + word);

        assertThat(html).contains("aria-live=\"polite\">3 results</h1>");
        assertThat(html).contains("<a id=\"swagger-ui\" href=\"/q/swagger-ui\">Swagger UI</a>");
        given().redirects().follow(true).get("/q/swagger-ui").then().statusCode(200).contentType("text/html");
    }

    @Test
    void theWorkPageSaysWhyItsRecordsAreOneWorkInPlainWords() {
        String word = uniqueWord();
        String id = newId();
        WorkFixture fixture = work(id).noSources().title("Why " + word).source("local", "refs.bib", 3, "bibtex")
                .source("local", "export.ris", 0, "ris");
        String a = fixture.recordId(0).compareTo(fixture.recordId(1)) < 0 ? fixture.recordId(0) : fixture.recordId(1);
        String b = a.equals(fixture.recordId(0)) ? fixture.recordId(1) : fixture.recordId(0);
        fixture.matches(1, new WorkMatch(a, b, "SAME_TITLE_AUTHORS", null, 0.12, 0.31, false, "EQUAL", false, 3, 4, 3,
                2019, 2020, null, 2));
        publishAndWait(word, fixture);

        String html = page("/ui/works/" + id);

        assertThat(html).contains("<h2 id=\"why\">Why these records are one work</h2>")
                .contains("1 pair of records found to be the same work.")
                .contains("The titles and the authors agree, whatever the abstracts say")
                .contains("<li>Abstracts: 12% of their word triples shared (Jaccard 0.12); 31% of the shorter one inside the longer.</li>")
                .contains("<li>Titles: equal.</li>", "<li>Authors: 3 shared (4 and 3 listed).</li>", "<li>Years: 2019 and 2020.</li>")
                .contains("Rule <code>SAME_TITLE_AUTHORS</code>, matcher version 2.");
        String source = a.equals(fixture.recordId(0)) ? "refs.bib, line 7" : "export.ris, line 1";
        assertThat(html).contains("<span class=\"record\">" + source + "</span> and");
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({"0, EXACT, 0 results", "1, EXACT, 1 result", "302, EXACT, 302 results",
            "48213, ESTIMATE, 'About 48,213 results'", "1, ESTIMATE, About 1 result"})
    void theCountReadsAsExactOrAbout(long count, ListMeta.CountKind kind, String text) {
        assertThat(SearchPage.found(new ListMeta(count, kind, 20, null))).isEqualTo(text);
    }

    private void publishAndWait(String word, WorkFixture... works) {
        topic.publish(Arrays.stream(works).map(WorkFixture::upserted).toArray(WorkEvent[]::new));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("q", word).get("/works").then()
                .extract().jsonPath().getList("results").size() == works.length);
    }

    private static String page(String path) {
        return raw().get(path).then().statusCode(200).contentType("text/html").extract().asString();
    }

    /** A request sent with the URL exactly as written (RestAssured would encode its % signs again). */
    private static RequestSpecification raw() {
        return given().urlEncodingEnabled(false);
    }

    /** A made-up word no other test's works hold, so that q=word finds only this test's works. */
    private static String uniqueWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zh");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
