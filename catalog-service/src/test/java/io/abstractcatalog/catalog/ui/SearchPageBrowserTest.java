package io.abstractcatalog.catalog.ui;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.Identifiers;
import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.catalog.testing.WorkFixture;
import io.abstractcatalog.contract.WorkMatch;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import io.abstractcatalog.catalog.testing.WorksTopic;

/**
 * The search page in a real headless Chromium, driven by chromedriver (Debian: {@code apt-get install chromium
 * chromium-driver}). Without those binaries the test is skipped and says why; it never passes without a browser.
 * Paths can be overridden with -Dcatalog.chromium=… and -Dcatalog.chromedriver=….
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class SearchPageBrowserTest {

    static final String CHROMIUM = System.getProperty("catalog.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("catalog.chromedriver", "/usr/bin/chromedriver");
    /** A folder for screenshots of the pages, to look at them (-Dcatalog.screenshots=target/screenshots); none without. */
    static final String SCREENSHOTS = System.getProperty("catalog.screenshots");

    @Inject
    WorksTopic topic;

    @TestHTTPResource("/")
    URL root;

    private static WebDriver browser;
    private static Path profile;

    /** One browser for the class: Chromium starts slowly on a busy two-core machine. */
    @BeforeAll
    static void startBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "SKIPPED: no headless browser on this machine (" + CHROMIUM + " and " + CHROMEDRIVER + " must exist; "
                        + "on Debian: apt-get install -y chromium chromium-driver). The search page was NOT tested "
                        + "in a browser.");
        profile = Files.createTempDirectory("catalog-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @BeforeEach
    void requireBrowser() {
        Assumptions.assumeTrue(browser != null, "SKIPPED: no headless browser on this machine (see startBrowser).");
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void searchSeeHighlightsFilterByFacetPageAndOpenAWork() {
        String word = randomWord();
        String lab = "Browser Lab " + UUID.randomUUID();
        String other = "Other Institute " + UUID.randomUUID();
        String file = "browser/" + UUID.randomUUID() + ".txt";
        List<WorkEvent> events = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            var fixture = work(newId()).title("Study " + i + " of " + word + " dynamics")
                    .abstractText("We measure " + word + " effects & <limits> in setting " + i + ".")
                    .noSources().source("bucket", file, i, "affiliation-page");
            if (i == 0) {
                fixture.source("bucket", "mirror/" + file, 7, "jsonl"); // a duplicate seen in a second file
            }
            events.add(fixture.affiliations(i < 3 ? other : lab).upserted());
        }
        events.add(work(newId()).title("Unrelated").abstractText("Nothing to see.").affiliations(lab).upserted());
        topic.publish(events.toArray(WorkEvent[]::new));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("q", word).queryParam("limit", 100)
                .get("/works").then().extract().jsonPath().getList("results").size() == 23);

        // 1. Search from the box (typed and submitted with the keyboard).
        browser.get(root.toString());
        WebElement box = browser.findElement(By.id("q"));
        assertThat(browser.findElement(By.cssSelector("label[for=q]")).getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("main, aside, header, form[role=search]"))).hasSize(4);
        box.sendKeys(word, Keys.ENTER);
        waitFor(() -> browser.getCurrentUrl().contains("q=" + word));
        List<WebElement> results = browser.findElements(By.cssSelector("ol.results > li"));
        assertThat(results).hasSize(20);
        // 2. Highlighted snippets: the word is in <mark>, the text around it escaped, not interpreted.
        WebElement firstSnippet = browser.findElement(By.cssSelector("ol.results .snippet"));
        assertThat(firstSnippet.findElements(By.tagName("mark"))).extracting(WebElement::getText).contains(word);
        assertThat(browser.findElements(By.cssSelector(".snippet limits"))).isEmpty();

        // 3. Facet: click the affiliation with 3 works.
        WebElement facet = browser.findElement(By.xpath("//ul[@data-facet='Affiliation']//a[text()='" + other + "']"));
        facet.click();
        waitFor(() -> browser.getCurrentUrl().contains("affiliation="));
        assertThat(browser.findElements(By.cssSelector("ol.results > li"))).hasSize(3);
        assertThat(browser.findElement(By.id("active-filters")).getText()).contains(other);
        assertThat(browser.findElements(By.id("next-page"))).isEmpty();
        // ... and remove it again.
        browser.findElement(By.cssSelector("#active-filters a")).click();
        waitFor(() -> !browser.getCurrentUrl().contains("affiliation="));

        // 4. Page by cursor: 23 results = 20 + 3, none repeated.
        List<String> firstPage = workLinks();
        browser.findElement(By.id("next-page")).click();
        waitFor(() -> browser.getCurrentUrl().contains("cursor="));
        List<String> secondPage = workLinks();
        assertThat(secondPage).hasSize(3).doesNotContainAnyElementsOf(firstPage);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("page 2");

        // 5. Open the work with a duplicate: every source, and the duplicate summary.
        browser.get(root + "?q=" + word + "&source=mirror/" + file);
        assertThat(browser.findElements(By.cssSelector("ol.results > li"))).hasSize(1);
        browser.findElement(By.cssSelector("a.work-link")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/ui/works/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Study 0 of " + word + " dynamics");
        assertThat(browser.findElement(By.id("duplicate-summary")).getText())
                .isEqualTo("Merged from 2 records (1 duplicate), seen in 2 files.");
        List<WebElement> rows = browser.findElements(By.cssSelector("#source-table tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("bucket/" + file, "affiliation-page", "1");
        assertThat(rows.get(1).getText()).contains("bucket/mirror/" + file, "jsonl", "15");

        // 6. Keyboard: the first Tab lands on the skip link.
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to the work");
    }

    @Test
    void resultsShowAuthorsYearAndVenueAndTheYearVenueAndYearRangeFiltersNarrowThem() {
        String word = randomWord();
        String journal = "Neural Computation " + word;
        topic.publish(
                work(newId()).title("Fast learning of " + word + " nets")
                        .authors("Geoffrey E. Hinton", "Osindero, Simon", "Yee-Whye Teh", "Max Welling")
                        .year(2006).venue(journal).upserted(),
                work(newId()).title("Deep " + word).authors("LeCun, Yann", "Yoshua Bengio").year(2015)
                        .venue("Nature").upserted(),
                work(newId()).title("Later " + word + " in the same journal").authors("Ada Lovelace").year(2012)
                        .venue(journal).upserted(),
                work(newId()).title("Undated " + word).upserted());
        await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("q", word).get("/works").then()
                .extract().jsonPath().getList("results").size() == 4);

        // 1. Each result: three authors then "et al.", year and venue; nothing at all when a work has none.
        browser.get(root + "?q=" + word);
        WebElement hinton = result("Fast learning of " + word + " nets");
        assertThat(hinton.findElement(By.className("authors")).getText())
                .isEqualTo("Geoffrey E. Hinton, Simon Osindero, Yee-Whye Teh et al.");
        assertThat(hinton.findElement(By.className("published")).getText()).isEqualTo("2006 · " + journal);
        assertThat(result("Deep " + word).findElement(By.className("authors")).getText())
                .isEqualTo("Yann LeCun, Yoshua Bengio");
        WebElement undated = result("Undated " + word);
        assertThat(undated.findElements(By.cssSelector(".authors, .published"))).isEmpty();
        assertThat(undated.getText()).doesNotContain("·  ·").doesNotStartWith("·");
        screenshot("search-results");

        // 2. The year facet: newest first, a click filters, the active filter removes it again.
        assertThat(facetLinks("Year")).containsExactly("2015", "2012", "2006");
        facetLink("Year", "2015").click();
        waitFor(() -> browser.getCurrentUrl().contains("year=2015"));
        assertThat(resultTitles()).containsExactly("Deep " + word);
        assertThat(browser.findElement(By.id("active-filters")).getText()).contains("Year: 2015");
        assertThat(browser.findElement(By.id("year_from")).getAttribute("value")).isEqualTo("2015");
        browser.findElement(By.cssSelector("#active-filters a")).click();
        waitFor(() -> !browser.getCurrentUrl().contains("year="));
        assertThat(resultTitles()).hasSize(4);

        // 3. The venue facet.
        facetLink("Venue", journal).click();
        waitFor(() -> browser.getCurrentUrl().contains("venue="));
        assertThat(resultTitles()).containsExactlyInAnyOrder("Fast learning of " + word + " nets",
                "Later " + word + " in the same journal");
        assertThat(browser.findElement(By.id("active-filters")).getText()).contains("Venue: " + journal);
        assertThat(facetLink("Venue", journal).getAttribute("aria-current")).isEqualTo("true");
        facetLink("Venue", journal).click(); // an active facet value removes its filter
        waitFor(() -> !browser.getCurrentUrl().contains("venue="));

        // 4. The year range from the form's two inputs becomes one readable year parameter.
        browser.findElement(By.id("year_from")).sendKeys("2010");
        browser.findElement(By.id("year_to")).sendKeys("2016", Keys.ENTER);
        waitFor(() -> browser.getCurrentUrl().contains("year=2010-2016"));
        assertThat(browser.getCurrentUrl()).doesNotContain("year_from", "author=");
        assertThat(resultTitles()).containsExactlyInAnyOrder("Deep " + word, "Later " + word + " in the same journal");
        assertThat(browser.findElement(By.id("year_to")).getAttribute("value")).isEqualTo("2016");
        screenshot("year-range");

        // 5. Newest year first, within the range.
        new Select(browser.findElement(By.id("sort"))).selectByVisibleText("Newest year first");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        waitFor(() -> browser.getCurrentUrl().contains("sort=-year"));
        assertThat(resultTitles()).containsExactly("Deep " + word, "Later " + word + " in the same journal");

        // 6. The author filter, by family name.
        browser.get(root + "?q=" + word);
        browser.findElement(By.id("author")).sendKeys("osindero", Keys.ENTER);
        waitFor(() -> browser.getCurrentUrl().contains("author=osindero"));
        assertThat(resultTitles()).containsExactly("Fast learning of " + word + " nets");
    }

    @Test
    void aWorkPageShowsAllAuthorsWithOrcidYearVenueLinkAndIdentifierLinks() {
        String word = randomWord();
        Work built = work(newId()).title("A fast learning algorithm for " + word)
                .year(2006).venue("Neural Computation").url("https://www.cs.toronto.edu/~hinton/absps/fastnc.pdf")
                .identifiers(new Identifiers(List.of("10.1162/neco.2006.18.7.1527"), List.of("2106.01234"),
                        List.of("16764513"), List.of("PMC5116089")))
                .build();
        List<Author> authors = List.of(Author.parse("Hinton, Geoffrey E.").withOrcid("0000-0002-1825-0097"),
                Author.parse("Simon Osindero"), Author.parse("Yee-Whye Teh"), Author.parse("Max Welling"));
        topic.publish(WorkEvent.upserted(new Work(built.workId(), built.version(), built.title(), built.abstractText(),
                built.affiliations(), built.identifiers(), built.sources(), built.memberCount(), built.firstSeen(),
                built.updatedAt(), authors, built.year(), built.venue(), built.url())));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/works/" + built.workId()).statusCode() == 200);

        browser.get(root + "ui/works/" + built.workId());
        assertThat(browser.findElements(By.cssSelector("#work-authors > li"))).extracting(WebElement::getText)
                .containsExactly("Geoffrey E. Hinton ORCID 0000-0002-1825-0097", "Simon Osindero", "Yee-Whye Teh",
                        "Max Welling"); // the commas between them are CSS, not text
        assertThat(browser.findElement(By.cssSelector("#work-authors a.orcid")).getAttribute("href"))
                .isEqualTo("https://orcid.org/0000-0002-1825-0097");
        assertThat(browser.findElement(By.id("work-year")).getText()).isEqualTo("2006");
        assertThat(browser.findElement(By.id("work-venue")).getText()).isEqualTo("Neural Computation");
        assertThat(browser.findElement(By.cssSelector("#work-url a")).getAttribute("href"))
                .isEqualTo("https://www.cs.toronto.edu/~hinton/absps/fastnc.pdf");
        assertThat(href("a.doi")).isEqualTo("https://doi.org/10.1162/neco.2006.18.7.1527");
        assertThat(href("a.arxiv")).isEqualTo("https://arxiv.org/abs/2106.01234");
        assertThat(href("a.pmid")).isEqualTo("https://pubmed.ncbi.nlm.nih.gov/16764513/");
        assertThat(href("a.pmcid")).isEqualTo("https://pmc.ncbi.nlm.nih.gov/articles/PMC5116089/");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        screenshot("work-page");

        // An author's name searches for that author's works.
        browser.findElement(By.linkText("Simon Osindero")).click();
        waitFor(() -> browser.getCurrentUrl().contains("author=Simon%20Osindero"));
        assertThat(resultTitles()).contains("A fast learning algorithm for " + word);
    }

    @Test
    void aWorkPageSaysWhyItsRecordsAreOneWork() {
        String word = randomWord();
        String id = newId();
        WorkFixture fixture = work(id).noSources().title("Why one work " + word).source("local", "refs.bib", 3, "bibtex")
                .source("local", "export.ris", 0, "ris");
        String a = fixture.recordId(0).compareTo(fixture.recordId(1)) < 0 ? fixture.recordId(0) : fixture.recordId(1);
        String b = a.equals(fixture.recordId(0)) ? fixture.recordId(1) : fixture.recordId(0);
        topic.publish(fixture.matches(1, new WorkMatch(a, b, "SAME_DOI", "doi", null, null, false, "EQUAL", false, 3, 22, 3,
                2017, 2017, true, 2)).upserted());
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/works/" + id).statusCode() == 200);

        browser.get(root + "ui/works/" + id);
        assertThat(browser.findElement(By.id("why")).getText()).isEqualTo("Why these records are one work");
        assertThat(browser.findElement(By.id("why-summary")).getText()).isEqualTo("1 pair of records found to be the same work.");
        WebElement pair = browser.findElement(By.cssSelector("#why-pairs > li.match"));
        assertThat(pair.getText()).contains("Both records carry the same DOI, and their titles do not conflict.");
        assertThat(pair.findElements(By.cssSelector("ul.evidence > li"))).extracting(WebElement::getText).containsExactly(
                "Identifier: the same DOI.", "Abstracts: not compared (missing or too short on a record).",
                "Titles: equal.", "Authors: 3 shared (22 and 3 listed).", "Year: 2017 on both.", "Venue: the same.");
        assertThat(pair.findElements(By.cssSelector("span.record"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("refs.bib, line 7", "export.ris, line 1");
        screenshot("work-why");
    }

    @Test
    void aWorkWithoutAbstractIsListedWithANoteAndItsPageSaysSo() {
        String word = randomWord();
        String id = newId();
        topic.publish(work(id).title("Records without abstract " + word).abstractText(null).authors("Yann LeCun")
                .upserted());
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/works/" + id).statusCode() == 200);

        browser.get(root + "?q=" + word);
        WebElement result = result("Records without abstract " + word);
        assertThat(result.findElement(By.cssSelector("p.no-abstract")).getText()).isEqualTo("No abstract in any source");
        assertThat(result.findElements(By.cssSelector("p.snippet"))).isEmpty();
        screenshot("no-abstract-result");

        result.findElement(By.cssSelector("a.work-link")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/ui/works/" + id));
        assertThat(browser.findElement(By.id("no-abstract")).getText()).startsWith("No abstract in any source");
        screenshot("no-abstract-work");
    }

    @Test
    void anUnknownWorkPageIsA404PageAndABadParameterIsExplained() {
        given().get("/ui/works/w-nope").then().statusCode(404).contentType("text/html");
        browser.get(root + "ui/works/w-nope");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Work not found");
        browser.get(root + "?q=" + "x".repeat(600));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("limit is 500");
        // A year range the wrong way round, typed in the form: the API's explanation, the inputs as typed.
        browser.get(root.toString());
        browser.findElement(By.id("year_from")).sendKeys("2020");
        browser.findElement(By.id("year_to")).sendKeys("2018", Keys.ENTER);
        waitFor(() -> browser.getCurrentUrl().contains("year=2020-2018"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("year 2020 is after 2018", "Use 2020, 2018-2020");
        assertThat(browser.findElement(By.id("year_from")).getAttribute("value")).isEqualTo("2020");
        screenshot("bad-year");
        browser.get(root + "?year=20x0");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("'20x0' is not a year or a range");
    }

    private static void screenshot(String name) {
        if (SCREENSHOTS == null) {
            return;
        }
        try {
            Path folder = Files.createDirectories(Path.of(SCREENSHOTS));
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result whose title is exactly this. */
    private WebElement result(String title) {
        return browser.findElement(By.xpath("//ol[@class='results']/li[.//a[@class='work-link' and .='" + title
                + "']]"));
    }

    private List<String> resultTitles() {
        return browser.findElements(By.cssSelector("a.work-link")).stream().map(WebElement::getText).toList();
    }

    private WebElement facetLink(String facet, String value) {
        return browser.findElement(By.xpath("//ul[@data-facet='" + facet + "']//a[text()='" + value + "']"));
    }

    private List<String> facetLinks(String facet) {
        return browser.findElements(By.cssSelector("ul[data-facet='" + facet + "'] a")).stream()
                .map(WebElement::getText).toList();
    }

    private String href(String css) {
        return browser.findElement(By.cssSelector(css)).getAttribute("href");
    }

    private List<String> workLinks() {
        return browser.findElements(By.cssSelector("a.work-link")).stream().map(a -> a.getAttribute("href")).toList();
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> condition.getAsBoolean());
    }

    private static String randomWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
