package io.abstractcatalog.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The statements a search sends, pinned: the query plans and the benchmark figures were measured for exactly this
 * text and these binds, so a change to either must be a deliberate change of the file search-statements.sql (its
 * statements are the ones WorkSearch built before it was split into planner and query builders).
 */
class SearchStatementsTest {

    private static final RankWindow RANK = new RankWindow(200, 10_000);
    private static final RankWindow FACETS = new RankWindow(1_000, 10_000);
    private static final Instant SINCE = Instant.parse("2026-01-05T10:00:02.123456Z");
    private static final PhrasePairs GRAPH_KERNEL = PhrasePairs.of("'graph' <-> 'kernel' & !'quantum'");

    static Map<String, Sql> statements() {
        Map<String, Sql> statements = new LinkedHashMap<>();
        SearchRequest plain = request("transformer attention graph", null, null, null, "relevance", null);
        statements.put("three plain words ranked: the probed window, the titles beside it, the next page",
                PageQuery.of(after(plain, "0.4231"), new SearchPlan(PhrasePairs.NONE, true,
                        new WindowScan(RANK, WindowPath.PROBE, SINCE), null, null)));
        String graphKernel = "\"graph kernel\" -quantum";
        SearchRequest phrase = SearchRequest.of(graphKernel, null, null, "false", null, null, null, null, null,
                "2018-", "relevance", null, null, null, null);
        SearchRequest phrasePage = SearchRequest.of(graphKernel, null, null, "false", null, null, null, null, null,
                "2018-", "relevance", "7", "title,snippet", null, null);
        statements.put("a phrase ranked on path INDEX: matches through the keys of its pairs",
                PageQuery.of(phrasePage, new SearchPlan(GRAPH_KERNEL, false,
                        new WindowScan(RANK, WindowPath.INDEX, null), null, null)));
        SearchRequest affiliation = request(null, "MIT", null, null, "-updated", null);
        statements.put("one affiliation newest first: a walk of the affiliation index from the cursor",
                PageQuery.of(after(affiliation, "2026-01-05T10:00:02.5Z"), new SearchPlan(PhrasePairs.NONE, false,
                        new WindowScan(RANK, null, null), null, null)));
        SearchRequest author = request(null, null, "Hinton", null, "-updated", null);
        statements.put("one author's family name newest first: a walk of the author-word index from the cursor",
                PageQuery.of(after(author, "2026-01-05T10:00:02.5Z"), new SearchPlan(PhrasePairs.NONE, false,
                        new WindowScan(RANK, null, null), null, null)));
        SearchRequest fullName = request(null, null, "G. E. Hinton", null, "updated", null);
        statements.put("a full name oldest first: the longest word's index walk, every word in one author's name",
                PageQuery.of(fullName, new SearchPlan(PhrasePairs.NONE, false,
                        new WindowScan(RANK, null, null), null, null)));
        SearchRequest authorRanked = request("learning", null, "Family7", null, "relevance", null);
        statements.put("a search ranked on path AUTHOR: the window from the author-word index walk",
                PageQuery.of(after(authorRanked, "0.6666667"), new SearchPlan(PhrasePairs.NONE, false,
                        new WindowScan(RANK, WindowPath.AUTHOR, null), null, null)));
        SearchRequest filtered = SearchRequest.of(null, "MIT", "file.jsonl", "true", null, "10.1/ABC", "Geoffrey Hinton",
                "Nature", "27797938", "2018-2020", "title", "7", "title", null, null);
        statements.put("every filter by title: each filter's condition and bind",
                PageQuery.of(after(filtered, "graph kernels"), new SearchPlan(PhrasePairs.NONE, false,
                        new WindowScan(RANK, null, null), null, null)));
        statements.put("a venue facet of a phrase on the probe",
                FacetQuery.of(phrase, GRAPH_KERNEL, "venue", new WindowScan(FACETS, WindowPath.PROBE, SINCE)));
        statements.put("the planner's estimate of a phrase's matches among the probed works",
                SearchPlanner.probeEstimate(phrase, GRAPH_KERNEL, RANK));
        statements.put("the planner's estimate of the works holding a plain query's pair keys",
                SearchPlanner.titleHoldersEstimate(plain));
        SearchRequest authorPhrase = SearchRequest.of(graphKernel, null, null, "false", null, null, "G. E. Hinton",
                null, null, "2018-", "relevance", null, null, null, null);
        statements.put("the planner's estimate of the works holding author='s longest word",
                SearchPlanner.authorWorksEstimate(authorPhrase));
        statements.put("the planner's estimate of the matches of a phrase and every filter but author=",
                SearchPlanner.othersEstimate(authorPhrase, GRAPH_KERNEL));
        statements.put("the planner's estimate of the catalog's works", Sql.of(ProbeStarts.WORKS_ESTIMATE));
        statements.put("meta.count: the planner's estimate of every match of a phrase",
                MatchCount.estimate(phrase, GRAPH_KERNEL));
        statements.put("meta.count: a few matches counted, at most one past the bound",
                MatchCount.bounded(phrase, GRAPH_KERNEL));
        return statements;
    }

    static List<String> names() {
        return List.copyOf(statements().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theStatementIsTheOneThePlansWereMeasuredWith(String name) throws IOException {
        Sql statement = statements().get(name);

        assertThat(show(statement)).isEqualTo(pinned().get(name));
    }

    private static SearchRequest request(String q, String affiliation, String author, String year, String sort,
                                         String select) {
        return SearchRequest.of(q, affiliation, null, null, null, null, author, null, null, year, sort, null, select,
                null, null);
    }

    private static SearchRequest after(SearchRequest request, String key) {
        return request.withCursor(new SearchCursor(request.sort().token(), request.fingerprint(), key, "w-abc"));
    }

    /** The statement's text, then its binds with their Java types (JDBC sends each by its type). */
    static String show(Sql sql) {
        return sql.text() + "\n" + sql.binds().stream()
                .map(bind -> bind.getClass().getSimpleName() + ":"
                        + (bind instanceof Object[] array ? Arrays.toString(array) : bind.toString()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** The pinned statements by name: "-- name", the text, then the binds, each on one line. */
    private static Map<String, String> pinned() throws IOException {
        try (InputStream in = SearchStatementsTest.class.getResourceAsStream("search-statements.sql")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            Map<String, String> pinned = new LinkedHashMap<>();
            for (int i = 0; i + 2 < lines.length; i += 3) {
                pinned.put(lines[i].substring("-- ".length()), lines[i + 1] + "\n" + lines[i + 2]);
            }
            return pinned;
        }
    }
}
