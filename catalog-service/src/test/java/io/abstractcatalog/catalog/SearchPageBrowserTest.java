package io.abstractcatalog.catalog;

import static io.abstractcatalog.catalog.WorkFixture.newId;
import static io.abstractcatalog.catalog.WorkFixture.work;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
                .get("/works").then().extract().jsonPath().getList("items").size() == 23);

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
    void anUnknownWorkPageIsA404PageAndABadParameterIsExplained() {
        given().get("/ui/works/w-nope").then().statusCode(404).contentType("text/html");
        browser.get(root + "ui/works/w-nope");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Work not found");
        browser.get(root + "?q=" + "x".repeat(600));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("limit is 500");
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
