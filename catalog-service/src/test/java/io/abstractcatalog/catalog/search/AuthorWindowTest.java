package io.abstractcatalog.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * author= with q ranked by relevance: the window found from the author's side (path AUTHOR, one walk of the
 * author-word index) is the one the probe and the full-text index find, so every page is the same, works, ranks and
 * order; and the planner takes that side when the author is rarer than the rest of the request. The works are
 * written straight into the tables inside a transaction that is rolled back.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AuthorWindowTest {

    /** Small, so that the common author's matches overflow it and the window's choice of works matters. */
    private static final RankWindow WINDOW = new RankWindow(40, 400);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyPathRanksTheSameWorksForARareAndACommonAuthor() throws Exception {
        String word = SearchRows.uniqueWord("aw");
        String other = SearchRows.uniqueWord("ow");
        String rare = SearchRows.uniqueWord("rarename");
        String common = SearchRows.uniqueWord("commonname");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // 600 works hold the word; ranks differ (the word once or twice, near another word or not).
                SearchRows.works(connection, word, 0, 20, "about " + word, 0);
                SearchRows.works(connection, word, 20, 20, word + " " + word + " and more", 0);
                SearchRows.works(connection, word, 40, 560, word + " study of " + other, 0);
                SearchRows.works(connection, other, 0, 900, "about " + other, 0);
                // The rare author: 12 works with the word, spread over its age (4 as "A."), 3 without it.
                SearchRows.authors(connection, word, 10, 4, List.of("Ada " + rare, "Alan Turing"));
                SearchRows.authors(connection, word, 250, 4, List.of("Emmy Noether", "A. " + rare));
                SearchRows.authors(connection, word, 500, 4, List.of("Ada " + rare));
                SearchRows.authors(connection, other, 0, 3, List.of("Ada " + rare));
                // Ada and the rare family name on two different authors: not a work of "Ada <rare>".
                SearchRows.authors(connection, word, 590, 2, List.of("Ada Lovelace", "Bob " + rare));
                // The common author: 450 works with the word, 897 without.
                SearchRows.authors(connection, word, 14, 236, List.of("Grace " + common));
                SearchRows.authors(connection, word, 254, 214, List.of("Grace " + common));
                SearchRows.authors(connection, other, 3, 897, List.of("Grace " + common));
                SearchRows.analyze(connection);

                Map<String, Integer> authors = Map.of(rare, 14, "Ada " + rare, 8, common, WINDOW.size(),
                        "grace " + common.toUpperCase(), WINDOW.size());
                for (String author : authors.keySet()) {
                    boolean isRare = authors.get(author) < WINDOW.size();
                    SearchRequest request = ranked(word, author, null);
                    Map<WindowPath, List<String>> pages = new LinkedHashMap<>();
                    for (WindowPath path : new WindowPath[] {WindowPath.AUTHOR, WindowPath.PROBE, WindowPath.INDEX, null}) {
                        pages.put(path, walk(connection, word, author, path));
                    }
                    List<String> byAuthor = pages.get(WindowPath.AUTHOR);
                    assertThat(byAuthor).as(author).hasSize(authors.get(author));
                    assertThat(pages).as(author).allSatisfy((path, page) -> assertThat(page).as("%s on path %s", author, path)
                            .containsExactlyElementsOf(byAuthor));
                    WindowPath chosen = SearchPlanner.plan(connection, request, WINDOW, WINDOW, null,
                            ProbeStarts.uncached()).rank().path();
                    assertThat(chosen).as("the planner's path for %s", author)
                            .isEqualTo(isRare ? WindowPath.AUTHOR : WindowPath.PROBE);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /** Every page of the ranked window, walked with the cursor 7 at a time: "work id rank" in order. */
    private static List<String> walk(Connection connection, String q, String author, WindowPath path) throws Exception {
        List<String> works = new ArrayList<>();
        String cursor = null;
        do {
            WorkPage page = WorkSearch.search(connection, ranked(q, author, cursor), WINDOW, WINDOW, path,
                    ProbeStarts.uncached());
            page.results().forEach(work -> works.add(work.workId() + " " + work.rank()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return works;
    }

    private static SearchRequest ranked(String q, String author, String cursor) {
        return SearchRequest.of(q, null, null, null, null, null, author, null, null, null, "relevance", "7", null,
                null, cursor);
    }
}
