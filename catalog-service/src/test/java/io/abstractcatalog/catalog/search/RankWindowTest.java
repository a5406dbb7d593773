package io.abstractcatalog.catalog.search;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.uniqueTag;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import io.abstractcatalog.catalog.testing.WorksTopic;

/**
 * Relevance ranks a bounded window of matches (the most recently updated ones). Runs WorkSearch on the real database
 * with a small window, so both regimes are covered with a handful of works: few matches (all ranked) and more matches
 * than the window (only the newest ranked, and the page says so), each found by every path (probe, probe falling back
 * to the index, index at once).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class RankWindowTest {

    @Inject
    WorksTopic topic;

    /** Each call's works are newer than all earlier ones, so the newest works of the catalog are this test's. */
    private static final AtomicInteger DAYS = new AtomicInteger();

    @Inject
    AgroalDataSource dataSource;

    /** Five works with a word of their own: the oldest has it in the title (best rank), the newer ones less and less. */
    private List<String> fiveMatches(String word, String tag) {
        Instant base = Instant.parse("2100-01-01T00:00:00Z").plus(Duration.ofDays(DAYS.incrementAndGet()));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(newId());
        }
        topic.publish(
                work(ids.get(0)).title("On " + word).abstractText(word + " " + word + " everywhere.")
                        .updatedAt(base).affiliations(tag).upserted(),
                work(ids.get(1)).abstractText(word + " and " + word + " again.").updatedAt(base.plusSeconds(1))
                        .affiliations(tag).upserted(),
                work(ids.get(2)).abstractText("Some " + word + " in a longer text about other things entirely.")
                        .updatedAt(base.plusSeconds(2)).affiliations(tag).upserted(),
                work(ids.get(3)).abstractText(word + " twice: " + word + ".").updatedAt(base.plusSeconds(3))
                        .affiliations(tag).upserted(),
                work(ids.get(4)).abstractText("A single " + word + " mention in a text of many, many other words.")
                        .updatedAt(base.plusSeconds(4)).affiliations(tag).upserted());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(given().queryParam("affiliation", tag)
                .when().get("/works").then().statusCode(200).extract().jsonPath().getList("results")).hasSize(5));
        return ids;
    }

    @Test
    void fewMatchesAreAllRankedAndThePageSaysNothingIsLeftOut() throws Exception {
        String word = uniqueWord();
        List<String> ids = fiveMatches(word, uniqueTag());

        // A window larger than the matches: the newest works hold fewer matches than the window, so the matches
        // come from the full-text index, all of them.
        WorkPage page = search(byRelevance(word, null, null), 10, 10);

        assertThat(page.results()).extracting(WorkSummary::workId).containsExactlyInAnyOrderElementsOf(ids);
        // The oldest work has the word in its title: ranked over every match, it comes first.
        assertThat(page.results().get(0).workId()).isEqualTo(ids.get(0));
        assertThat(page.results()).extracting(WorkSummary::rank).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(page.rankWindow()).isNull();

        JsonPath api = given().queryParam("q", word).when().get("/works").then().statusCode(200).extract().jsonPath();
        assertThat(api.getList("results.workId", String.class)).containsExactlyElementsOf(
                page.results().stream().map(WorkSummary::workId).toList());
        assertThat(api.getMap("$")).doesNotContainKey("rankWindow");
    }

    @Test
    void moreMatchesThanTheWindowRankOnlyTheNewestWhicheverWayTheyAreFound() throws Exception {
        String word = uniqueWord();
        List<String> ids = fiveMatches(word, uniqueTag());

        // Probe of the 5 newest works finds 5 matches, more than the window of 3: the probe is the window.
        WorkPage probed = search(byRelevance(word, null, null), 3, 5, WindowPath.PROBE);
        // Probe of the 3 newest works finds only 3: the window comes from the full-text index instead.
        WorkPage fellBack = search(byRelevance(word, null, null), 3, 3, WindowPath.PROBE);
        // Straight to the full-text index, as for a query the planner expects to be rare.
        WorkPage indexed = search(byRelevance(word, null, null), 3, 5, WindowPath.INDEX);

        // The three newest matches, best rank first; the older, better-ranked title match is outside the window.
        assertThat(probed.results()).extracting(WorkSummary::workId).containsExactlyInAnyOrder(ids.get(2), ids.get(3),
                ids.get(4));
        assertThat(probed.results()).extracting(WorkSummary::rank).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(probed.rankWindow()).isEqualTo(3);
        assertThat(probed.nextCursor()).isNull();
        assertThat(fellBack).isEqualTo(probed);
        assertThat(indexed).isEqualTo(probed);
        assertThat(search(byRelevance(word, null, null), 3, 5)).isEqualTo(probed);
    }

    @Test
    void aProbeStartReadBeforeNewerWorksArrivedFindsTheSameWindow() throws Exception {
        String word = uniqueWord();
        SearchRequest request = byRelevance(word, null, null);
        ProbeStarts stale = new ProbeStarts(Duration.ofHours(1));
        List<String> older = fiveMatches(word, uniqueTag());
        // Reads the start once: the 5th newest work is the oldest of these five.
        WorkPage before = search(request, 3, 5, WindowPath.PROBE, stale);

        // Five newer matches: the kept start now lets the probe read ten works instead of five.
        List<String> newer = fiveMatches(word, uniqueTag());
        WorkPage after = search(request, 3, 5, WindowPath.PROBE, stale);

        assertThat(before.results()).extracting(WorkSummary::workId).containsExactlyInAnyOrder(older.get(2),
                older.get(3), older.get(4));
        assertThat(after.results()).extracting(WorkSummary::workId).containsExactlyInAnyOrder(newer.get(2),
                newer.get(3), newer.get(4));
        assertThat(after).isEqualTo(search(request, 3, 5, WindowPath.PROBE))
                .isEqualTo(search(request, 3, 5, WindowPath.INDEX));
    }

    @Test
    void cursorPagingOverAWindowEndsAfterItsLastWork() throws Exception {
        String word = uniqueWord();
        fiveMatches(word, uniqueTag());
        List<String> window = search(byRelevance(word, null, null), 3, 5).results().stream()
                .map(WorkSummary::workId).toList();

        WorkPage first = search(byRelevance(word, "2", null), 3, 5);
        WorkPage second = search(byRelevance(word, "2", first.nextCursor()), 3, 5);

        assertThat(first.nextCursor()).isNotNull();
        assertThat(second.nextCursor()).isNull();
        assertThat(second.rankWindow()).isEqualTo(3);
        assertThat(concat(first, second)).containsExactlyElementsOf(window);
    }

    @Test
    void aWindowExactlyAsLargeAsTheMatchesLeavesNothingOut() throws Exception {
        String word = uniqueWord();
        List<String> ids = fiveMatches(word, uniqueTag());

        WorkPage exact = search(byRelevance(word, null, null), 5, 5);
        WorkPage smaller = search(byRelevance(word, null, null), 4, 5);

        assertThat(exact.results()).hasSize(5);
        assertThat(exact.rankWindow()).isNull();
        assertThat(smaller.results()).extracting(WorkSummary::workId).doesNotContain(ids.get(0)).hasSize(4);
        assertThat(smaller.rankWindow()).isEqualTo(4);
    }

    @Test
    void filtersApplyBeforeTheWindowIsTaken() throws Exception {
        String word = uniqueWord();
        String tag = uniqueTag();
        List<String> ids = fiveMatches(word, tag);
        String otherTag = uniqueTag();
        fiveMatches(word, otherTag); // newer matches of the same word, with another affiliation

        WorkPage page = search(Requests.of(word, tag, null, null, null, null, null, null, null, null, null), 3, 5);

        assertThat(page.results()).extracting(WorkSummary::workId).containsExactlyInAnyOrder(ids.get(2), ids.get(3),
                ids.get(4));
        assertThat(page.rankWindow()).isEqualTo(3);
    }

    @Test
    void otherSortsListEveryMatchWhateverTheWindow() throws Exception {
        String word = uniqueWord();
        List<String> ids = fiveMatches(word, uniqueTag());

        WorkPage page = search(Requests.of(word, null, null, null, null, null, "-updated", null, null, null, null),
                2, 2);

        assertThat(page.results()).extracting(WorkSummary::workId).containsExactly(ids.get(4), ids.get(3), ids.get(2),
                ids.get(1), ids.get(0));
        assertThat(page.rankWindow()).isNull();
    }

    @Test
    void facetsCountEveryMatchWhenFewAndTheNewestWindowWhenMore() throws Exception {
        String word = uniqueWord();
        String tag = uniqueTag();
        fiveMatches(word, tag);
        SearchRequest request = Requests.of(word, null, null, null, null, null, null, null, null, "affiliation",
                null);

        WorkPage all = search(request, 5, 5);
        // Window 3 from the probe (5 newest works, 5 matches), from the full-text index after a probe of 3 found too
        // few, and from the full-text index at once.
        WorkPage probed = search(request, 3, 5, WindowPath.PROBE);
        WorkPage fellBack = search(request, 3, 3, WindowPath.PROBE);
        WorkPage indexed = search(request, 3, 5, WindowPath.INDEX);

        assertThat(all.groups().get("affiliation").results()).extracting(GroupCount::key, GroupCount::count)
                .containsExactly(tuple(tag, 5L));
        assertThat(all.groupsWindow()).isNull();
        assertThat(probed.groups().get("affiliation").results()).extracting(GroupCount::key, GroupCount::count)
                .containsExactly(tuple(tag, 3L));
        assertThat(probed.groupsWindow()).isEqualTo(3);
        assertThat(indexed.groups()).isEqualTo(probed.groups());
        assertThat(indexed.groupsWindow()).isEqualTo(3);
        assertThat(fellBack).isEqualTo(indexed);
    }

    @Test
    void thePlannersEstimateSendsARareQueryStraightToTheIndexAndAnUnfilteredOneToTheProbe() throws Exception {
        fiveMatches(uniqueWord(), uniqueTag());
        fiveMatches(uniqueWord(), uniqueTag());
        // A window of 8: even 8 times the planner's smallest estimate (1 row) is no more than the window.
        RankWindow window = new RankWindow(8, 8);
        try (Connection connection = dataSource.getConnection()) {
            // Every one of the 8 probed works matches no filter at all; a word no work contains is estimated rare.
            long unfiltered = SearchPlanner.estimateProbeMatches(connection,
                    Requests.of(null, null, null, null, null, null, "-updated", null, null, null, null),
                    PhrasePairs.NONE, window);
            long rare = SearchPlanner.estimateProbeMatches(connection, byRelevance(uniqueWord(), null, null),
                    PhrasePairs.NONE, window);

            assertThat(unfiltered).isEqualTo(8);
            // As many as the window, not more: twice as deep a probe is expected to fill it.
            assertThat(WindowPath.depth(unfiltered, window)).isEqualTo(16);
            assertThat(WindowPath.of(WindowPath.depth(unfiltered, window))).isEqualTo(WindowPath.PROBE);
            assertThat(rare).isLessThanOrEqualTo(1);
            assertThat(WindowPath.of(WindowPath.depth(rare, window))).isEqualTo(WindowPath.INDEX);
        }
    }

    private static SearchRequest byRelevance(String word, String limit, String cursor) {
        return Requests.of(word, null, null, null, null, null, null, limit, null, null, cursor);
    }

    private static List<String> concat(WorkPage... pages) {
        List<String> ids = new ArrayList<>();
        for (WorkPage page : pages) {
            ids.addAll(page.results().stream().map(WorkSummary::workId).toList());
        }
        return ids;
    }

    /** A search as the service runs it: the window's path picked by the planner's estimate. */
    private WorkPage search(SearchRequest request, int size, int probe) throws Exception {
        return search(request, size, probe, null);
    }

    private WorkPage search(SearchRequest request, int size, int probe, WindowPath path) throws Exception {
        return search(request, size, probe, path, ProbeStarts.uncached());
    }

    private WorkPage search(SearchRequest request, int size, int probe, WindowPath path, ProbeStarts starts)
            throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return WorkSearch.search(connection, request, new RankWindow(size, probe), new RankWindow(size, probe),
                    path, starts);
        }
    }

    /** A word no other test's work contains, so the matches are exactly this test's works. */
    private static String uniqueWord() {
        return "zw" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).replaceAll("[0-9]", "q");
    }
}
