package io.abstractcatalog.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.http.ListMeta;
import io.abstractcatalog.contract.http.ListMeta.CountKind;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * meta.count: exact when the page query already saw every match or when at most a thousand match (then counted),
 * else the planner's estimate, flagged. The works are written straight into the tables inside a transaction that is
 * rolled back, so other tests never see them.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class MatchCountTest {

    private static final RankWindow RANK = new RankWindow(200, 10_000);
    private static final RankWindow FACETS = new RankWindow(1_000, 10_000);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void fewMatchesAreCountedAndManyAreEstimatedAndSaySo() throws Exception {
        String common = "cnt" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String rare = common + "rare";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                SearchRows.works(connection, common, 0, 3_000, "about " + common, 0);
                SearchRows.works(connection, common, 3_000, 7, "about " + rare, 0);
                SearchRows.analyze(connection);

                MatchCount few = MatchCount.of(connection, query(rare), PhrasePairs.NONE);
                MatchCount many = MatchCount.of(connection, query(common), PhrasePairs.NONE);

                assertThat(few).isEqualTo(new MatchCount(7, CountKind.EXACT));
                assertThat(many.kind()).isEqualTo(CountKind.ESTIMATE);
                // The planner's statistics are a sample: near the truth, not equal to it.
                assertThat(many.count()).isBetween(1_500L, 6_000L);
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void aMatchCountOfNothingIsAnExactZero() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(MatchCount.of(connection, query("nowordlikethis" + UUID.randomUUID().toString().substring(0, 8)),
                    PhrasePairs.NONE)).isEqualTo(new MatchCount(0, CountKind.EXACT));
        }
    }

    /**
     * The contract on a real catalog, page by page: {rare} is in 7 works, {dup} in 30 of which 10 are merged
     * duplicates, {common} in 3,000; {raresurname} writes 5 of the common word's works and {commonsurname} 400.
     */
    @Test
    void theCountIsExactWhenCheapAndAFlaggedEstimateOtherwise() throws Exception {
        String tag = SearchRows.uniqueWord("");
        String common = "cw" + tag;
        String rare = "rw" + tag;
        String dup = "dw" + tag;
        String rareAuthor = "raresurname" + tag;
        String commonAuthor = "commonsurname" + tag;
        // q, author, has_duplicates, sort, limit, page (walked with the cursor), rank window, kind, least, most
        List<Case> cases = List.of(
                new Case(rare, null, null, "relevance", 20, 1, RANK, CountKind.EXACT, 7, 7),
                new Case(rare, null, null, "-updated", 20, 1, RANK, CountKind.EXACT, 7, 7),
                new Case(rare, null, null, "title", 20, 1, RANK, CountKind.EXACT, 7, 7),
                new Case(rare, null, null, "-updated", 3, 1, RANK, CountKind.EXACT, 7, 7),
                new Case(rare, null, null, "-updated", 3, 2, RANK, CountKind.EXACT, 7, 7),
                new Case(rare, null, null, "-updated", 3, 3, RANK, CountKind.EXACT, 7, 7),
                new Case(rare, null, null, "relevance", 3, 1, RANK, CountKind.EXACT, 7, 7),
                new Case(rare, null, null, "relevance", 3, 3, RANK, CountKind.EXACT, 7, 7),
                // A window smaller than the matches: they are not all ranked, but few enough to be counted.
                new Case(rare, null, null, "relevance", 3, 1, new RankWindow(5, 10_000), CountKind.EXACT, 7, 7),
                new Case(dup, null, "true", "relevance", 20, 1, RANK, CountKind.EXACT, 10, 10),
                new Case(dup, null, "true", "-updated", 4, 2, RANK, CountKind.EXACT, 10, 10),
                new Case(dup, null, "false", "-updated", 15, 2, RANK, CountKind.EXACT, 20, 20),
                new Case(common, null, null, "relevance", 20, 1, RANK, CountKind.ESTIMATE, 1_500, 6_000),
                new Case(common, null, null, "relevance", 20, 2, RANK, CountKind.ESTIMATE, 1_500, 6_000),
                new Case(common, null, null, "-updated", 20, 1, RANK, CountKind.ESTIMATE, 1_500, 6_000),
                new Case(common, null, null, "-updated", 20, 3, RANK, CountKind.ESTIMATE, 1_500, 6_000),
                new Case(common, rareAuthor, null, "relevance", 20, 1, RANK, CountKind.EXACT, 5, 5),
                new Case(null, rareAuthor, null, "-updated", 20, 1, RANK, CountKind.EXACT, 5, 5),
                new Case(null, rareAuthor, null, "-updated", 2, 2, RANK, CountKind.EXACT, 5, 5),
                new Case(common, commonAuthor, null, "relevance", 20, 1, RANK, CountKind.EXACT, 400, 400),
                new Case(common, commonAuthor, null, "relevance", 20, 3, RANK, CountKind.EXACT, 400, 400),
                new Case(common, commonAuthor, null, "-updated", 50, 2, RANK, CountKind.EXACT, 400, 400),
                new Case(rare + " " + common, null, null, "relevance", 20, 1, RANK, CountKind.EXACT, 0, 0),
                new Case(rare + " " + common, null, null, "-updated", 20, 1, RANK, CountKind.EXACT, 0, 0));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                SearchRows.works(connection, common, 0, 3_000, "about " + common, 0);
                SearchRows.works(connection, rare, 0, 7, "about " + rare, 0);
                SearchRows.works(connection, dup, 0, 30, "about " + dup, 3);
                SearchRows.authors(connection, common, 100, 5, List.of("Ada " + rareAuthor));
                SearchRows.authors(connection, common, 1_000, 400, List.of("Grace " + commonAuthor, "Kurt Other"));
                SearchRows.analyze(connection);

                SoftAssertions softly = new SoftAssertions();
                for (Case each : cases) {
                    ListMeta meta = each.page(connection);
                    softly.assertThat(meta.countKind()).as("kind of %s", each).isEqualTo(each.kind());
                    softly.assertThat(meta.count()).as("count of %s", each).isBetween(each.least(), each.most());
                }
                softly.assertAll();
            } finally {
                connection.rollback();
            }
        }
    }

    /** One row of the table: a request, the page of it to read, and the count expected there. */
    private record Case(String q, String author, String hasDuplicates, String sort, int limit, int page,
                        RankWindow window, CountKind kind, long least, long most) {

        ListMeta page(Connection connection) throws Exception {
            String cursor = null;
            WorkPage read = null;
            for (int i = 0; i < page; i++) {
                SearchRequest request = SearchRequest.of(q, null, null, hasDuplicates, null, null, author, null, null,
                        null, sort, Integer.toString(limit), null, null, cursor);
                read = WorkSearch.search(connection, request, window, FACETS, null, ProbeStarts.uncached());
                cursor = read.nextCursor();
                if (i < page - 1) {
                    assertThat(cursor).as("a page after page %d of %s", i + 1, this).isNotNull();
                }
            }
            return read.meta();
        }
    }

    private static SearchRequest query(String word) {
        return Requests.of(word, null, null, null, null, null, "-updated", null, null, null, null);
    }

    @ParameterizedTest(name = "{0}: {1} rows, {2} candidates, matched {3} -> {4}")
    @CsvSource(nullValues = "null", value = {
            // sort, rows read (limit 20: 21 means a next page), ranked window's rows, all matches, exact count or null
            "relevance, 21, 201, null, null",     // the window left matches out
            "relevance, 21, 201, 5000, 5000",     // ... but it was taken from all of them: their number came along
            "relevance, 21, 200, null, 200",      // a full window holds every match
            "relevance, 7, 7, null, 7",
            "relevance, 0, 0, null, 0",           // nothing matched
            "-updated, 7, 0, null, 7",            // a first page without a next page holds every match
            "-updated, 21, 0, null, null",
            "-updated, 20, 0, null, 20",
            "title, 0, 0, null, 0"})
    void whatTheFirstPageAlreadyTellsIsExact(String sort, int rows, long candidates, Long matched, Long exact) {
        SearchRequest request = SearchRequest.of("word", null, null, null, null, null, null, null, null, null, sort,
                null, null, null, null);

        MatchCount seen = MatchCount.seen(request, RANK, new MatchCount.Seen(rows, candidates, matched));

        assertThat(seen).isEqualTo(exact == null ? null : new MatchCount(exact, CountKind.EXACT));
    }

    @ParameterizedTest(name = "{0} after a cursor: {1} rows, {2} candidates -> {3}")
    @CsvSource(nullValues = "null", value = {
            "relevance, 5, 150, 150",             // the window is whole on every page
            "relevance, 0, 0, null",              // past the last ranked work: nothing seen
            "-updated, 7, 0, null",               // the pages before are not known
            "-updated, 0, 0, null"})
    void aLaterPageTellsOnlyWhatItsWindowHolds(String sort, int rows, long candidates, Long exact) {
        SearchRequest first = SearchRequest.of("word", null, null, null, null, null, null, null, null, null, sort,
                null, null, null, null);
        SearchRequest later = first.withCursor(new SearchCursor(first.sort().token(), first.fingerprint(),
                sort.equals("relevance") ? "0.5" : "2026-01-01T00:00:00Z", "w-1"));

        MatchCount seen = MatchCount.seen(later, RANK, new MatchCount.Seen(rows, candidates, null));

        assertThat(seen).isEqualTo(exact == null ? null : new MatchCount(exact, CountKind.EXACT));
    }
}
