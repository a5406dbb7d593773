package io.abstractcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.abstractcatalog.contract.Identifiers;
import io.abstractcatalog.embedded.TestDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Export and read back, on the real stack: the samples and the bibliographic files (as BibliographicEndToEndIT drops
 * them) are ingested, the whole catalog is exported as BibTeX and as RIS, and each export is dropped into a fresh
 * stack's bucket. The fresh catalog must hold the same works: as many, with the same titles, abstracts, authors,
 * years, venues and identifiers (for RIS the DOIs and arXiv ids: ingest's RIS reader takes no PubMed id, there is no
 * standard tag for one). Texts are compared as BibTeX and RIS readers give them back: whitespace runs as one space.
 * The other three formats of the same catalog (CSV, JSON Lines, CSL-JSON) must list every work once, and one work
 * exports in all five.
 */
class ExportRoundTripIT {

    private static final Path ROOT = StackSettings.findProjectRoot();
    private static final List<Path> FILES = List.of(
            ROOT.resolve("deploy/local/samples"),
            ROOT.resolve("ingest-service/src/test/resources/real-world"),
            ROOT.resolve("ingest-service/src/test/resources/formats/refs.bib"),
            ROOT.resolve("ingest-service/src/test/resources/formats/refs.ris"),
            ROOT.resolve("ingest-service/src/test/resources/formats/arxiv-sample.csv"));
    private static final Duration WITHIN = Duration.ofSeconds(120);

    private static List<JsonNode> original;
    private static String bibtex;
    private static String ris;
    /** The three other formats of the whole catalog, and one work in each of the five, as the real stack serves them. */
    private static final Map<String, String> otherExports = new TreeMap<>();
    private static final Map<String, String> oneWork = new TreeMap<>();

    @BeforeAll
    static void exportTheSamplesCatalog() throws IOException {
        StackSettings settings = StackSettings.forTest(ROOT, TestDirectories.fresh("e2e-export"));
        try (LocalStack stack = LocalStack.start(settings, System.out)) {
            CatalogClient catalog = new CatalogClient(stack.catalog().url());
            List<Path> files = SampleFiles.of(FILES);
            for (Path file : files) {
                Files.copy(file, settings.bucket().resolve(file.getFileName()));
            }
            awaitIngested(stack, files.size());
            // The last merge these files cause (see BibliographicEndToEndIT), then a catalog that stopped changing.
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(catalog.get("/works/doi:10.1103/PhysRevD.76.013009").get("memberCount").asInt()).isEqualTo(3));
            awaitSettled(catalog);
            original = catalog.allWorks("");
            bibtex = catalog.text("/works?format=bibtex");
            ris = catalog.text("/works?format=ris");
            for (String format : List.of("csv", "jsonl", "csl-json")) {
                otherExports.put(format, catalog.text("/works?format=" + format));
            }
            String gut = catalog.get("/works/pmid:27797938").get("workId").asText();
            for (String format : List.of("bibtex", "ris", "csv", "jsonl", "csl-json")) {
                oneWork.put(format, catalog.text("/works/" + gut + "?format=" + format));
            }
        }
        // Kept for a look (and a diff when the round trip fails): target/e2e-export-…/works.bib and works.ris.
        Files.writeString(settings.dataDir().resolveSibling("works.bib"), bibtex, StandardCharsets.UTF_8);
        Files.writeString(settings.dataDir().resolveSibling("works.ris"), ris, StandardCharsets.UTF_8);
        System.out.printf("export  | %d works: BibTeX %,d bytes, RIS %,d bytes, in %s%n", original.size(),
                bibtex.getBytes(StandardCharsets.UTF_8).length, ris.getBytes(StandardCharsets.UTF_8).length,
                settings.dataDir().getParent());
    }

    @Test
    void theBibtexExportReadBackIsTheSameCatalog() throws IOException {
        assertThat(differences(comparable(original, false), readBack("works.bib", bibtex, false))).isEmpty();
    }

    @Test
    void theRisExportReadBackIsTheSameCatalog() throws IOException {
        assertThat(differences(comparable(original, true), readBack("works.ris", ris, true))).isEmpty();
    }

    @Test
    void csvJsonLinesAndCslJsonHoldEveryWorkOnceAndOneWorkExportsInEveryFormat() throws IOException {
        List<String> ids = original.stream().map(w -> w.get("workId").asText()).sorted().toList();
        List<String> jsonl = otherExports.get("jsonl").lines().map(line -> read(line).get("workId").asText()).sorted().toList();
        List<String> csl = StreamSupport.stream(read(otherExports.get("csl-json")).spliterator(), false)
                .map(item -> item.get("id").asText()).sorted().toList();
        String csv = otherExports.get("csv");

        assertThat(jsonl).isEqualTo(ids);
        assertThat(csl).isEqualTo(ids);
        assertThat(csv).startsWith("work_id,title,authors,year,venue,doi");
        assertThat(ids).allSatisfy(id -> assertThat(csv).containsOnlyOnce("\r\n" + id + ","));
        assertThat(oneWork).containsOnlyKeys("bibtex", "csl-json", "csv", "jsonl", "ris");
        assertThat(oneWork.values()).allSatisfy(export -> assertThat(export)
                .contains("Leucocyte telomere length, genetic variants at the TERT gene region").contains("27797938"));
    }

    private static JsonNode read(String json) {
        try {
            return io.abstractcatalog.contract.EventJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Drops the export into a fresh stack and returns that catalog's works as {@link #comparable} gives them. */
    private static Map<String, String> readBack(String name, String export, boolean ris) throws IOException {
        StackSettings settings = StackSettings.forTest(ROOT, TestDirectories.fresh("e2e-export-" + name.replace('.', '-')));
        try (LocalStack stack = LocalStack.start(settings, System.out)) {
            CatalogClient catalog = new CatalogClient(stack.catalog().url());
            Files.writeString(settings.bucket().resolve(name), export, StandardCharsets.UTF_8);
            JsonNode entry = awaitIngested(stack, 1).get(0);
            assertThat(entry.get("rejections").asInt()).as("records the reader refused: " + entry.get("firstErrors"))
                    .isZero();
            assertThat(entry.get("records").asInt()).isEqualTo(original.size());
            awaitSettled(catalog);
            return comparable(catalog.allWorks(""), ris);
        }
    }

    /** Waits until every file is DONE in the ledger and every record it published is in the catalog. */
    private static JsonNode awaitIngested(LocalStack stack, int fileCount) {
        CatalogClient ledger = new CatalogClient(stack.ingest().url());
        CatalogClient catalog = new CatalogClient(stack.catalog().url());
        JsonNode[] entries = new JsonNode[1];
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            entries[0] = ledger.get("/files").get("results");
            assertThat(entries[0]).hasSize(fileCount);
            assertThat(entries[0]).allMatch(e -> e.get("status").asText().equals("DONE"));
        });
        int records = StreamSupport.stream(entries[0].spliterator(), false).mapToInt(e -> e.get("records").asInt()).sum();
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(catalog.get("/stats").get("records").asInt()).isEqualTo(records));
        return entries[0];
    }

    /** Merges of works may still arrive after the last record: waits until the work count holds for 5 s. */
    private static void awaitSettled(CatalogClient catalog) {
        int[] last = {-1};
        long[] since = {System.nanoTime()};
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
            int works = catalog.get("/stats").get("works").asInt();
            if (works != last[0]) {
                last[0] = works;
                since[0] = System.nanoTime();
            }
            return System.nanoTime() - since[0] > 5_000_000_000L;
        });
    }

    /**
     * Each work as one line of its exportable content, keyed by title and abstract (work ids differ between stacks):
     * title, abstract, authors (family, given), year, venue, DOIs, arXiv ids, PMIDs and PMCIDs. As RIS reads back
     * ({@code ris}): no PubMed ids, and an arXiv id wherever the work's link is an arXiv page (ingest's RIS reader
     * takes the id from any arxiv.org link, its BibTeX reader only from eprint).
     */
    private static Map<String, String> comparable(List<JsonNode> works, boolean ris) {
        Map<String, String> byText = new TreeMap<>();
        for (JsonNode work : works) {
            String title = text(work.path("title").asText(""));
            String abstractText = text(work.path("abstractText").asText(""));
            String authors = StreamSupport.stream(work.path("authors").spliterator(), false)
                    .map(a -> text(a.path("family").asText(a.path("name").asText(""))) + ", " + text(a.path("given").asText("")))
                    .collect(Collectors.joining("; "));
            JsonNode ids = work.path("identifiers");
            java.util.SortedSet<String> arxiv = new java.util.TreeSet<>(values(ids.path("arxiv")));
            String fromLink = Identifiers.normalizeArxiv(work.path("url").asText(""));
            if (ris && fromLink != null) {
                arxiv.add(fromLink);
            }
            String line = String.join(" | ", "authors: " + authors, "year: " + work.path("year").asText("-"),
                    "venue: " + text(work.path("venue").asText("-")), "doi: " + String.join(" ", values(ids.path("doi"))),
                    "arxiv: " + String.join(" ", arxiv),
                    ris ? "" : "pmid: " + String.join(" ", values(ids.path("pmid"))) + " | pmcid: " + String.join(" ", values(ids.path("pmcid"))));
            String previous = byText.put(title + "\n" + abstractText, line);
            assertThat(previous).as("two works with the same title and abstract: " + title).isNull();
        }
        return byText;
    }

    /** The works that differ, one line each: what the original catalog had and what came back. */
    private static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        List<String> differ = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(java.util.Set.copyOf(expected.keySet()))) {
            if (!java.util.Objects.equals(expected.get(key), actual.get(key))) {
                differ.add(brief(key) + "\n    was  " + expected.get(key) + "\n    back " + actual.get(key));
            }
        }
        actual.keySet().stream().filter(key -> !expected.containsKey(key))
                .forEach(key -> differ.add(brief(key) + "\n    new  " + actual.get(key)));
        return differ;
    }

    private static String brief(String key) {
        return key.length() <= 160 ? key : key.substring(0, 160) + "…";
    }

    private static List<String> values(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).sorted().toList();
    }

    private static String text(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }
}
