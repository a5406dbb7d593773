package io.abstractcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.abstractcatalog.embedded.TestDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bibliographic files on the real stack (Kafka, PostgreSQL, three service JVMs): PubMed XML and MEDLINE files as NCBI
 * serves them and the project's BibTeX, RIS and CSV fixtures are dropped into the bucket; the catalog's answers
 * through REST carry the authors, year, venue and identifiers the files give, merged across formats. A BibTeX export
 * without abstracts ({@code src/test/resources/bibliographic/without-abstract.bib}) adds an entry that joins a PubMed
 * work by its DOI, one that stands alone without abstract, and one that is rejected.
 */
class BibliographicEndToEndIT {

    private static final Path ROOT = StackSettings.findProjectRoot();
    /** Real files (provenance in that folder's README) and the formats' own fixtures. */
    private static final List<Path> FILES = List.of(
            ROOT.resolve("ingest-service/src/test/resources/real-world"),
            ROOT.resolve("ingest-service/src/test/resources/formats/refs.bib"),
            ROOT.resolve("ingest-service/src/test/resources/formats/refs.ris"),
            ROOT.resolve("ingest-service/src/test/resources/formats/arxiv-sample.csv"),
            ROOT.resolve("deploy/local/src/test/resources/bibliographic/without-abstract.bib"));
    private static final Duration QUERYABLE_WITHIN = Duration.ofSeconds(90);

    private static LocalStack stack;
    private static CatalogClient catalog;

    @BeforeAll
    static void startStackAndDropTheFiles() throws IOException {
        StackSettings settings = StackSettings.forTest(ROOT, TestDirectories.fresh("e2e-bib"));
        stack = LocalStack.start(settings, System.out);
        catalog = new CatalogClient(stack.catalog().url());
        List<Path> files = SampleFiles.of(FILES);
        for (Path file : files) {
            Files.copy(file, settings.bucket().resolve(file.getFileName()));
        }
        // Every file DONE in the ledger, then every record it published in the catalog.
        CatalogClient ledger = new CatalogClient(stack.ingest().url());
        int[] records = new int[1];
        await().atMost(QUERYABLE_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode entries = ledger.get("/files").get("results");
            assertThat(entries).hasSize(files.size());
            assertThat(entries).allMatch(entry -> entry.get("status").asText().equals("DONE"));
            records[0] = StreamSupport.stream(entries.spliterator(), false).mapToInt(e -> e.get("records").asInt()).sum();
        });
        await().atMost(QUERYABLE_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(catalog.get("/stats").get("records").asInt()).isEqualTo(records[0]));
        // Every record is in a work now, but a merge of works may still be on its way (the record count does not
        // change when two works become one): wait for the three-format article, the last merge these files cause.
        await().atMost(QUERYABLE_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(catalog.get("/works/doi:10.1103/PhysRevD.76.013009").get("memberCount").asInt()).isEqualTo(3));
        await().atMost(QUERYABLE_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(catalog.get("/works/pmid:27797938").get("memberCount").asInt()).isEqualTo(2));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPubmedArticleKeepsItsAuthorsJournalYearAndEveryIdentifier() {
        JsonNode work = catalog.get("/works/pmid:27797938");

        assertThat(work.get("title").asText()).startsWith("Leucocyte telomere length, genetic variants at the");
        assertThat(work.get("authors")).hasSize(22);
        assertThat(work.get("authors").get(0).get("family").asText()).isEqualTo("Bao");
        assertThat(work.get("authors").get(0).get("given").asText()).isEqualTo("Ying");
        assertThat(work.get("venue").asText()).isEqualTo("Gut");
        assertThat(work.get("year").asInt()).isEqualTo(2017);
        assertThat(texts(work.get("identifiers").get("doi"))).containsExactly("10.1136/gutjnl-2016-312510");
        assertThat(texts(work.get("identifiers").get("pmcid"))).containsExactly("PMC5442267");
        assertThat(catalog.get("/works/doi:10.1136/GUTJNL-2016-312510").get("workId")).isEqualTo(work.get("workId"));
    }

    @Test
    void aMedlineRecordKeepsItsFullAuthorNameJournalAndYear() {
        JsonNode work = catalog.get("/works/pmid:12230038");

        assertThat(work.get("title").asText()).isEqualTo("The Bio* toolkits--a brief overview.");
        assertThat(work.get("authors").get(0).get("family").asText()).isEqualTo("Mangalam");
        assertThat(work.get("authors").get(0).get("given").asText()).isEqualTo("Harry");
        assertThat(work.get("venue").asText()).isEqualTo("Briefings in bioinformatics");
        assertThat(work.get("year").asInt()).isEqualTo(2002);
    }

    @Test
    void oneArticleInBibtexRisAndCsvIsOneWorkWithTheFullAuthorListAndTheJournal() {
        JsonNode work = catalog.get("/works/doi:10.1103/PhysRevD.76.013009");

        assertThat(work.get("memberCount").asInt()).isEqualTo(3);
        assertThat(StreamSupport.stream(work.get("sources").spliterator(), false).map(s -> s.get("key").asText()))
                .containsExactlyInAnyOrder("refs.bib", "refs.ris", "arxiv-sample.csv");
        assertThat(StreamSupport.stream(work.get("authors").spliterator(), false).map(a -> a.get("family").asText()))
                .containsExactly("Balázs", "Berger", "Nadolsky", "Yuan");
        assertThat(work.get("year").asInt()).isEqualTo(2007);
        assertThat(work.get("venue").asText()).isEqualTo("Phys. Rev. D");
        assertThat(texts(work.get("identifiers").get("arxiv"))).containsExactly("0704.0001");
        // why: every pair of the three records, each joined by an identifier they share (the last pair may be
        // verified after the merge that made the three one work, so it can come one version later)
        String matchesPath = "/works/" + work.get("workId").asText() + "/matches";
        await().atMost(QUERYABLE_WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(catalog.get(matchesPath).get("meta").get("count").asInt()).isEqualTo(3));
        JsonNode pairs = catalog.get(matchesPath).get("results");
        assertThat(pairs).hasSize(3).allSatisfy(pair -> {
            assertThat(pair.get("rule").asText()).isIn("SAME_ARXIV", "SAME_DOI");
            assertThat(pair.get("evidence").get("identifier").asText()).isIn("arxiv", "doi");
            assertThat(pair.get("evidence").get("titleRelation").asText()).isIn("EQUAL", "PREFIX", "SUFFIX", "SIMILAR");
            assertThat(Set.of(pair.get("sourceA").get("key").asText(), pair.get("sourceB").get("key").asText()))
                    .isSubsetOf("refs.bib", "refs.ris", "arxiv-sample.csv");
        });
    }

    @Test
    void aBibtexEntryWithoutAbstractJoinsThePubmedWorkWithItsDoiAndKeepsTheAbstract() {
        JsonNode work = catalog.get("/works/pmid:27797938");

        assertThat(work.get("memberCount").asInt()).isEqualTo(2);
        assertThat(StreamSupport.stream(work.get("sources").spliterator(), false).map(s -> s.get("key").asText()))
                .containsExactlyInAnyOrder("pubmed-efetch-pubmed4.xml", "without-abstract.bib");
        assertThat(work.get("hasAbstract").asBoolean()).isTrue();
        assertThat(work.get("abstractText").asText()).startsWith("OBJECTIVE: Telomere shortening");
        assertThat(work.get("authors")).hasSize(22); // the fuller list wins over the export's three names
        assertThat(catalog.get("/works/doi:10.1136/gutjnl-2016-312510").get("workId")).isEqualTo(work.get("workId"));
        // why: the DOI both carry; the titles agree, the export's three authors are among PubMed's 22, the same year
        JsonNode matches = catalog.get("/works/" + work.get("workId").asText() + "/matches");
        assertThat(matches.get("meta").get("count").asInt()).isEqualTo(1);
        JsonNode pair = matches.get("results").get(0);
        assertThat(pair.get("rule").asText()).isEqualTo("SAME_DOI");
        assertThat(pair.get("reason").asText()).isEqualTo("Both records carry the same DOI, and their titles do not conflict.");
        JsonNode evidence = pair.get("evidence");
        assertThat(evidence.get("identifier").asText()).isEqualTo("doi");
        assertThat(evidence.has("abstractJaccard")).as("no abstract to compare on the export's side").isFalse();
        assertThat(evidence.get("titleRelation").asText()).isEqualTo("EQUAL");
        assertThat(evidence.get("sharedAuthors").asInt()).isEqualTo(3);
        assertThat(Set.of(evidence.get("authorsA").asInt(), evidence.get("authorsB").asInt())).containsExactlyInAnyOrder(3, 22);
        assertThat(evidence.get("yearA").asInt()).isEqualTo(2017);
        assertThat(evidence.get("yearB").asInt()).isEqualTo(2017);
        assertThat(texts(pair.get("explanation"))).contains("Identifier: the same DOI.", "Titles: equal.",
                "Year: 2017 on both.");
    }

    @Test
    void worksWithoutAbstractInAnySourceAreListedFlaggedAndFilteredAndTheLedgerCountsTheirRecords() {
        JsonNode knuth = catalog.allWorks("author=knuth").get(0);
        assertThat(knuth.get("title").asText()).isEqualTo("The Art of Computer Programming, Volume 1: Fundamental Algorithms");
        assertThat(knuth.get("hasAbstract").asBoolean()).isFalse();
        assertThat(knuth.has("abstractText")).isFalse();
        assertThat(knuth.get("year").asInt()).isEqualTo(1997);

        // the BibTeX book and the PubMed article that has no abstract in PubMed (real-world/pubmed-efetch-pubmed1.xml)
        assertThat(catalog.allWorks("has_abstract=false")).extracting(w -> w.get("title").asText())
                .containsExactlyInAnyOrder("The Art of Computer Programming, Volume 1: Fundamental Algorithms",
                        "The treatment of AIDS behind the walls of correctional facilities.");
        assertThat(catalog.allWorks("has_abstract=true")).hasSize(catalog.get("/stats").get("works").asInt() - 2);
        assertThat(catalog.allWorks("q=%22fundamental%20algorithms%22")).extracting(w -> w.get("workId").asText())
                .containsExactly(knuth.get("workId").asText());
        assertThat(catalog.text("/?q=fundamental%20algorithms")).contains("No abstract in any source");
        assertThat(catalog.text("/ui/works/" + knuth.get("workId").asText())).contains("No abstract in any source");

        JsonNode ledger = new CatalogClient(stack.ingest().url()).get("/files/without-abstract.bib");
        assertThat(ledger.get("records").asInt()).isEqualTo(2);
        assertThat(ledger.get("withoutAbstract").asInt()).isEqualTo(2);
        assertThat(ledger.get("rejections").asInt()).isEqualTo(1);
        assertThat(ledger.get("firstErrors").get(0).asText()).isEqualTo("line 22: no abstract and nothing else to "
                + "identify the work: needs a title with authors or an identifier (DOI, arXiv id, PMID, PMCID)");
    }

    @Test
    void theFiltersSortsAndFacetsUseTheFilesFields() {
        assertThat(catalog.allWorks("author=mangalam")).extracting(w -> w.get("title").asText())
                .containsExactly("The Bio* toolkits--a brief overview.");
        assertThat(catalog.allWorks("venue=gut")).extracting(w -> w.get("venue").asText()).containsOnly("Gut")
                .isNotEmpty();
        assertThat(catalog.allWorks("pmid=27797938")).hasSize(1);
        assertThat(catalog.allWorks("year=2017&author=bao")).extracting(w -> w.get("year").asInt()).containsOnly(2017)
                .isNotEmpty();

        List<JsonNode> newestFirst = catalog.allWorks("sort=-year");
        List<Integer> years = new ArrayList<>();
        newestFirst.stream().filter(w -> w.has("year")).forEach(w -> years.add(w.get("year").asInt()));
        assertThat(years).isSortedAccordingTo((a, b) -> Integer.compare(b, a)).contains(2017, 2007, 2002);
        // works without a year come after every dated one
        assertThat(newestFirst.subList(0, years.size())).allMatch(w -> w.has("year"));

        JsonNode facets = catalog.get("/works?group_by=year,venue&limit=1").get("groups");
        assertThat(StreamSupport.stream(facets.get("year").get("results").spliterator(), false).map(g -> g.get("key").asText()))
                .contains("2017", "2007", "2002");
        assertThat(StreamSupport.stream(facets.get("venue").get("results").spliterator(), false).map(g -> g.get("key").asText()))
                .contains("Gut");
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
