package io.abstractcatalog.catalog.search;

import static io.abstractcatalog.catalog.testing.WorkFixture.uniqueTag;
import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Phrases are narrowed by the keys of their adjacent word pairs (V10) before their positions are checked; a key
 * missing from a work that has the phrase would hide that work. So every search here is compared with the full-text
 * condition alone, on random texts of a few words (stop words, hyphenated and plural forms, repeats) and random
 * phrase queries, through every way the window is found and a sort without one. Plain words ranked by relevance
 * are also read as one phrase, whose older holders join a full window. The works are written in a transaction that
 * is rolled back, so they never reach other tests.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PhraseSearchTest {

    private static final String[] WORDS = {"graph", "graphs", "kernel", "kernels", "method", "network", "neural",
            "quantum", "deep", "of", "the", "a", "and", "graph-based", "kernel-method", "o'neil"};
    private static final String[] PHRASE_WORDS = {"graph", "kernel", "kernels", "method", "network", "neural",
            "quantum", "deep"};

    /** Smaller than the matches of many queries, so the probe's "enough found" branch runs too. */
    private static final RankWindow WINDOW = new RankWindow(10, 30);
    /** Smaller than the seven matches of titleAndNewerMatches. */
    private static final RankWindow SMALL_WINDOW = new RankWindow(3, 5);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPhraseSearchFindsExactlyTheWorksTheFullTextConditionMatches() throws SQLException {
        Random random = new Random(20261130);
        String tag = uniqueTag();
        rolledBack(connection -> {
            insertWorks(connection, tag, random, 80);
            int withMatches = 0;
            for (int i = 0; i < 60; i++) {
                String q = phraseQuery(random);
                List<String> expected = matches(connection, tag, q);
                withMatches += expected.isEmpty() ? 0 : 1;
                // Relevance ranks the window: the newest WINDOW.size() matches.
                Set<String> window = new HashSet<>(expected.subList(0, Math.min(WINDOW.size(), expected.size())));
                for (WindowPath path : new WindowPath[] {null, WindowPath.PROBE, WindowPath.INDEX}) {
                    assertThat(ids(connection, Requests.of(q, tag, null, null, null, null, null, "100", null,
                            null, null), path)).as("q=%s, path %s", q, path).isEqualTo(window);
                }
                assertThat(ids(connection, Requests.of(q, tag, null, null, null, null, "-updated", "100",
                        null, null, null), null)).as("q=%s by -updated", q).isEqualTo(new HashSet<>(expected));
            }
            // The comparison means something only if phrases found works and left others out.
            assertThat(withMatches).isGreaterThan(20);
        });
    }

    @Test
    void aPhraseDoesNotMatchItsWordsApartOrInAnotherOrder() throws SQLException {
        String tag = uniqueTag();
        rolledBack(connection -> {
            insert(connection, "w-phrase-1", tag, "Graph kernels", "We compare kernels.", 1);
            insert(connection, "w-phrase-2", tag, "Kernels on a graph", "A graph and its kernel.", 2);
            insert(connection, "w-phrase-3", tag, null, "Learning with graph-kernel methods.", 3);
            for (WindowPath path : new WindowPath[] {null, WindowPath.PROBE, WindowPath.INDEX}) {
                assertThat(ids(connection, Requests.of("\"graph kernel\"", tag, null, null, null, null, null,
                        null, null, null, null), path)).containsExactlyInAnyOrder("w-phrase-1", "w-phrase-3");
                assertThat(ids(connection, Requests.of("\"kernel graph\"", tag, null, null, null, null, null,
                        null, null, null, null), path)).isEmpty();
                assertThat(ids(connection, Requests.of("\"graph kernel methods\" -compare", tag, null, null,
                        null, null, null, null, null, null, null), path)).containsExactly("w-phrase-3");
            }
        });
    }

    @Test
    void anOlderWorkHoldingPlainWordsAsAPhraseIsRankedWithAFullWindow() throws SQLException {
        String tag = uniqueTag();
        rolledBack(connection -> {
            List<String> newer = titleAndNewerMatches(connection, tag);
            for (WindowPath path : new WindowPath[] {null, WindowPath.PROBE, WindowPath.INDEX}) {
                WorkPage page = WorkSearch.search(connection, plain("graph kernel methods", tag, null, null),
                        SMALL_WINDOW, SMALL_WINDOW, path, ProbeStarts.uncached());

                // The three newest matches, and the oldest one, whose title holds the words in a row: ranked
                // first. Not the old one holding them in a row in its abstract only.
                assertThat(page.results()).extracting(WorkSummary::workId).as("path %s", path)
                        .containsExactlyInAnyOrder("w-title-" + tag, newer.get(2), newer.get(3), newer.get(4));
                assertThat(page.results().get(0).workId()).isEqualTo("w-title-" + tag);
                assertThat(page.results()).extracting(WorkSummary::rank)
                        .isSortedAccordingTo((a, b) -> Float.compare(b, a));
                assertThat(page.rankWindow()).as("matches were still left out").isEqualTo(3);
            }
        });
    }

    @Test
    void onlyPlainWordsInTheirOrderBringOlderHoldersIn() throws SQLException {
        String tag = uniqueTag();
        rolledBack(connection -> {
            List<String> newer = titleAndNewerMatches(connection, tag);
            List<String> window = List.of(newer.get(2), newer.get(3), newer.get(4));

            // The old title is "graph kernel methods", not "kernel graph methods"; operators make q more than words
            // in a row; two words are one pair, too common a key to look up.
            for (String q : new String[] {"kernel graph methods", "graph kernel methods -zebra",
                    "graph kernel methods or zebra", "graph kernel"}) {
                assertThat(searchIds(connection, plain(q, tag, null, null))).as(q)
                        .containsExactlyInAnyOrderElementsOf(window);
            }
            // Quoted, it is the query's own phrase: the two old works are its only matches.
            assertThat(searchIds(connection, plain("\"graph kernel methods\"", tag, null, null)))
                    .containsExactlyInAnyOrder("w-title-" + tag, "w-abstract-" + tag);
            // Other sorts list every match and rank nothing.
            assertThat(searchIds(connection, Requests.of("graph kernel methods", tag, null, null, null, null,
                    "-updated", null, null, null, null))).hasSize(7);
            // Fewer than two pairs in a row (stop words leave gaps): nothing to look up, no title joins.
            for (String q : new String[] {"graph kernel", "graph of the kernel methods"}) {
                assertThat(SearchPlanner.estimateTitleHolders(connection, plain(q, tag, null, null))).as(q).isZero();
            }
            // Filters hold for them too: only the newer works have a year.
            try (PreparedStatement year = connection.prepareStatement(
                    "UPDATE work SET year = 2020 WHERE work_id = ANY (?)")) {
                year.setArray(1, connection.createArrayOf("text", newer.toArray()));
                year.executeUpdate();
            }
            assertThat(searchIds(connection, Requests.of("graph kernel methods", tag, null, null, null, "2020",
                    null, null, null, null, null))).containsExactlyInAnyOrderElementsOf(window);
            assertThat(searchIds(connection, plain("graph kernel methods", tag, null, null)))
                    .contains("w-title-" + tag).hasSize(4);
        });
    }

    @Test
    void pagesOfARelevanceSearchListTheWindowAndTheOlderHoldersOnce() throws SQLException {
        String tag = uniqueTag();
        rolledBack(connection -> {
            titleAndNewerMatches(connection, tag);
            String q = "graph kernel methods";
            List<String> all = searchIds(connection, plain(q, tag, null, null));

            WorkPage first = WorkSearch.search(connection, plain(q, tag, "3", null), SMALL_WINDOW, SMALL_WINDOW,
                    null, ProbeStarts.uncached());
            WorkPage second = WorkSearch.search(connection, plain(q, tag, "3", first.nextCursor()), SMALL_WINDOW,
                    SMALL_WINDOW, null, ProbeStarts.uncached());

            assertThat(second.nextCursor()).isNull();
            List<String> paged = new ArrayList<>();
            for (WorkPage page : List.of(first, second)) {
                page.results().forEach(item -> paged.add(item.workId()));
            }
            assertThat(paged).hasSize(4).containsExactlyElementsOf(all);
        });
    }

    @Test
    void pairsHeldByTooManyWorksAreNotLookedUp() throws SQLException {
        String tag = uniqueTag();
        rolledBack(connection -> {
            List<String> newer = titleAndNewerMatches(connection, tag);
            SearchRequest request = plain("graph kernel methods", tag, null, null);
            long before = SearchPlanner.estimateTitleHolders(connection, request);
            // Works of another affiliation holding the pair: never results here, but they make the pair common.
            for (int i = 0; i < SearchPlanner.MAX_TITLE_HOLDERS + 200; i++) {
                insert(connection, "w-common-" + tag + "-" + i, uniqueTag(), null, "Graph kernel methods again.",
                        -100 - i);
            }
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE work"); // inside the transaction: rolled back with it
            }
            long after = SearchPlanner.estimateTitleHolders(connection, request);

            assertThat(before).isBetween(1L, SearchPlanner.MAX_TITLE_HOLDERS);
            assertThat(after).isGreaterThan(SearchPlanner.MAX_TITLE_HOLDERS);
            assertThat(searchIds(connection, request)).containsExactlyInAnyOrder(newer.get(2), newer.get(3),
                    newer.get(4));
        });
    }


    /**
     * An old work titled "Graph kernel methods", an old one with the words in a row in its abstract only, and five
     * newer ones holding the words apart: more matches than the small window (3); returns the newer ones' ids,
     * oldest first.
     */
    private static List<String> titleAndNewerMatches(Connection connection, String tag) throws SQLException {
        insert(connection, "w-title-" + tag, tag, "Graph kernel methods", "On structures and similarity.", 1);
        insert(connection, "w-abstract-" + tag, tag, "Similar structures", "We compare graph kernel methods.", 2);
        List<String> newer = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newer.add("w-apart-" + tag + "-" + i);
            insert(connection, newer.get(i), tag, null, "A graph, then a learned kernel, and other methods.", 10 + i);
        }
        return newer;
    }

    private static SearchRequest plain(String q, String tag, String limit, String cursor) {
        return Requests.of(q, tag, null, null, null, null, null, limit, null, null, cursor);
    }

    /** One page's ids, best first, as the service searches (the path picked by the estimate). */
    private static List<String> searchIds(Connection connection, SearchRequest request) throws SQLException {
        WorkPage page = WorkSearch.search(connection, request, SMALL_WINDOW, SMALL_WINDOW, null,
                ProbeStarts.uncached());
        assertThat(page.nextCursor()).as("one page holds every result").isNull();
        return page.results().stream().map(WorkSummary::workId).toList();
    }

    /** Runs the work in a transaction that is rolled back, so its works never reach other tests. */
    private void rolledBack(DatabaseWork work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    private interface DatabaseWork {
        void run(Connection connection) throws SQLException;
    }

    private static Set<String> ids(Connection connection, SearchRequest request, WindowPath path)
            throws SQLException {
        WorkPage page = WorkSearch.search(connection, request, WINDOW, WINDOW, path, ProbeStarts.uncached());
        Set<String> ids = new HashSet<>();
        page.results().stream().map(WorkSummary::workId).forEach(ids::add);
        assertThat(page.nextCursor()).as("one page holds every match").isNull();
        return ids;
    }

    /** The works of the tag that the full-text condition alone matches, newest first: what searches must find. */
    private static List<String> matches(Connection connection, String tag, String q) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT w.work_id FROM work w JOIN work_affiliation a ON a.work_id = w.work_id
                WHERE a.affiliation = ? AND w.search_vector @@ websearch_to_tsquery('english', ?)
                ORDER BY w.updated_at DESC""")) {
            query.setString(1, tag);
            query.setString(2, q);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static String phraseQuery(Random random) {
        Supplier<String> word = () -> PHRASE_WORDS[random.nextInt(PHRASE_WORDS.length)];
        return switch (random.nextInt(9)) {
            case 0 -> "\"" + word.get() + " " + word.get() + "\"";
            case 1 -> "\"" + word.get() + " " + word.get() + " " + word.get() + "\"";
            case 2 -> "\"" + word.get() + " " + word.get() + "\" -" + word.get();
            case 3 -> "\"" + word.get() + " " + word.get() + "\" or " + word.get();
            case 4 -> "-\"" + word.get() + " " + word.get() + "\" " + word.get();
            case 5 -> word.get() + "-" + word.get();
            case 6 -> "\"" + word.get() + " of the " + word.get() + "\"";
            case 7 -> "\"" + word.get() + " " + word.get() + "\" \"" + word.get() + " " + word.get() + "\"";
            default -> "\"" + word.get() + " " + word.get() + "\" " + word.get();
        };
    }

    private static void insertWorks(Connection connection, String tag, Random random, int count)
            throws SQLException {
        for (int i = 0; i < count; i++) {
            String title = random.nextBoolean() ? text(random, 1 + random.nextInt(4)) : null;
            insert(connection, "w-phrase-" + tag + "-" + i, tag, title, text(random, 3 + random.nextInt(10)), i);
        }
    }

    private static String text(Random random, int words) {
        List<String> text = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            text.add(WORDS[random.nextInt(WORDS.length)]);
        }
        return String.join(random.nextInt(5) == 0 ? ", " : " ", text) + ".";
    }

    /** A work far newer than any other test's, so the probe's newest works are these. */
    private static void insert(Connection connection, String id, String tag, String title, String abstractText,
                               int second) throws SQLException {
        try (PreparedStatement work = connection.prepareStatement("""
                INSERT INTO work (work_id, version, title, abstract_text, member_count, updated_at)
                VALUES (?, 1, ?, ?, 1, ?)""");
             PreparedStatement affiliation = connection.prepareStatement(
                     "INSERT INTO work_affiliation (work_id, affiliation, updated_at) VALUES (?, ?, ?)")) {
            work.setString(1, id);
            work.setString(2, title);
            work.setString(3, abstractText);
            Timestamp updatedAt = Timestamp.from(Instant.parse("2300-01-01T00:00:00Z").plusSeconds(second));
            work.setTimestamp(4, updatedAt);
            work.executeUpdate();
            affiliation.setString(1, id);
            affiliation.setString(2, tag);
            affiliation.setTimestamp(3, updatedAt);
            affiliation.executeUpdate();
        }
    }
}
