package io.abstractcatalog.ingest;

import io.abstractcatalog.contract.Author;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.abstractcatalog.contract.EventJson;
import io.abstractcatalog.ingest.api.FileResource;
import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.contract.FileStatus;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.Rejection;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.ingest.TopicReader.Keyed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The service as it runs: real Kafka broker, real folder, files dropped while it runs. Each test works under a
 * sub-folder of its own, so the tests do not depend on one another's files or order.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(EmptyBucketFolder.class)
class IngestServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> SAMPLES = List.of("000_763c6eb23b8e6730.txt", "001_404e3f05a329715c.txt",
            "002_92fc8e9ffcbc002e.txt", "003_4445a41d3cddc1a5.txt", "004_cbec915a805da14a.txt");
    private static final String PAGE = "MIT\nAbstract:First abstract.\nAbstract:Second abstract.\n";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "ingest.bucket.path")
    Path bucket;

    @Test
    void droppedSamplesArePublishedOnceEachAndListedAsDone() throws IOException {
        dropSamples();

        await().atMost(PATIENCE).until(() -> files("samples/").stream().filter(e -> e.status() == FileStatus.DONE).count() == 5);

        List<RawRecord> records = records("samples/");
        assertThat(records).hasSize(307);
        assertThat(records).extracting(RawRecord::recordId).doesNotHaveDuplicates();
        assertThat(files("samples/")).extracting(FileLedgerEntry::records).containsExactly(10, 10, 10, 10, 267);
        assertThat(files("samples/")).extracting(FileLedgerEntry::format)
                .containsExactly("affiliation-page", "affiliation-page", "affiliation-page", "affiliation-page", "trending-page");
        given().get("/files/samples/004_cbec915a805da14a.txt").then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("records", equalTo(267))
                .body("rejections", equalTo(0))
                .body("size", equalTo(347047));

        // The same five files dropped again (new modification times, same bytes) add nothing.
        dropSamples();
        drop("samples/zz-marker.txt", PAGE.getBytes(StandardCharsets.UTF_8));
        awaitSettled("samples/zz-marker.txt");
        assertThat(records("samples/0")).hasSize(307);
    }

    private void dropSamples() throws IOException {
        for (String sample : SAMPLES) {
            try (InputStream in = getClass().getResourceAsStream("/samples/" + sample)) {
                drop("samples/" + sample, in.readAllBytes());
            }
        }
    }

    @Test
    void everyFormatDroppedIntoTheBucketIsPublished() throws IOException {
        java.util.Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("arxiv-sample.csv", 4);
        expected.put("bibdedupe-sample.csv", 3);
        expected.put("papers.jsonl", 3);
        expected.put("papers.json", 2);
        expected.put("refs.bib", 3);
        expected.put("refs.ris", 2);
        expected.put("oai-arxiv.xml", 2);
        expected.put("oai-dc.xml", 1);
        expected.put("atom.xml", 3); // one of them without abstract
        for (String file : expected.keySet()) {
            drop("formats/" + file, resource("/formats/" + file));
        }
        drop("formats/zz-refs.bib.gz", gzip(resource("/formats/refs.bib")));

        await().atMost(PATIENCE).until(() -> files("formats/").stream().filter(e -> e.status() == FileStatus.DONE).count() == 10);

        List<FileLedgerEntry> entries = files("formats/");
        for (FileLedgerEntry entry : entries) {
            String file = entry.key().substring("formats/".length());
            int records = file.equals("zz-refs.bib.gz") ? 3 : expected.get(file);
            assertThat(entry.records()).as(file).isEqualTo(records);
            assertThat(records(entry.key())).as(file).filteredOn(r -> r.source().key().equals(entry.key())).hasSize(records);
        }
        assertThat(entries).extracting(FileLedgerEntry::format).containsExactly("csv", "arxiv-atom", "csv", "arxiv-oai",
                "arxiv-oai", "json-array", "json-lines", "bibtex", "ris", "bibtex+gzip");
        RawRecord bib = records("formats/refs.bib").stream().filter(r -> r.source().ordinal() == 0).findFirst().orElseThrow();
        assertThat(bib.source().sourceId()).isEqualTo("Balazs2007");
        assertThat(bib.source().format()).isEqualTo("bibtex");
        assertThat(bib.source().line()).isEqualTo(4);
        assertThat(bib.authors()).extracting(Author::name).containsExactly("Balázs, C.", "Berger, E. L.", "Nadolsky, P. M.", "Yuan, C.-P.");
        assertThat(bib.doi()).isEqualTo("10.1103/physrevd.76.013009");
        assertThat(bib.arxivId()).isEqualTo("0704.0001");
        assertThat(bib.year()).isEqualTo(2007);
        RawRecord atom = records("formats/atom.xml").stream().filter(r -> r.source().ordinal() == 0).findFirst().orElseThrow();
        assertThat(atom.affiliations()).containsExactly("Sorbonne Université", "Institut Pasteur", "ESPCI Paris");
        assertThat(atom.url()).isEqualTo("http://arxiv.org/abs/2101.00001v2");
        assertThat(file("formats/refs.ris").orElseThrow().firstErrors()).containsExactly(
                "line 17: no abstract and nothing else to identify the work: needs a title with authors or an identifier"
                        + " (DOI, arXiv id, PMID, PMCID)",
                "line 30: record not closed by 'ER  -' at the end of the file");
        assertThat(entries).extracting(e -> e.key().substring("formats/".length()), FileLedgerEntry::withoutAbstract)
                .contains(tuple("atom.xml", 1), tuple("refs.bib", 0), tuple("arxiv-sample.csv", 0));
    }

    @Test
    void bibliographicServiceFilesReachTheTopicWithTheirFields() throws IOException {
        drop("bibliographic/a-pubmed.xml.gz", gzip(resource("/real-world/pubmed-efetch-pubmed4.xml")));
        drop("bibliographic/b-medline.nbib", resource("/real-world/medline-2.nbib"));
        drop("bibliographic/c-crossref.json", resource("/formats/crossref-works.json"));
        drop("bibliographic/d-openalex.jsonl", resource("/formats/openalex-works.jsonl"));

        await().atMost(PATIENCE).until(() -> files("bibliographic/").stream().filter(e -> e.status() == FileStatus.DONE).count() == 4);

        assertThat(files("bibliographic/")).extracting(FileLedgerEntry::format)
                .containsExactly("pubmed-xml+gzip", "medline", "crossref-json", "openalex-json");
        assertThat(files("bibliographic/")).extracting(FileLedgerEntry::records).containsExactly(1, 4, 3, 2);
        assertThat(files("bibliographic/")).extracting(FileLedgerEntry::withoutAbstract).containsExactly(0, 0, 1, 0);
        RawRecord withoutAbstract = records("bibliographic/c-crossref.json").stream()
                .filter(r -> r.source().ordinal() == 1).findFirst().orElseThrow();
        assertThat(withoutAbstract.abstractText()).isNull();
        assertThat(withoutAbstract.title()).isEqualTo("A work without an abstract");
        assertThat(withoutAbstract.doi()).isEqualTo("10.1006/cryo.2001.2328");
        RawRecord pubmed = records("bibliographic/a-pubmed.xml.gz").get(0);
        assertThat(pubmed.pmid()).isEqualTo("27797938");
        assertThat(pubmed.pmcid()).isEqualTo("PMC5442267");
        assertThat(pubmed.doi()).isEqualTo("10.1136/gutjnl-2016-312510");
        assertThat(pubmed.venue()).isEqualTo("Gut");
        assertThat(pubmed.year()).isEqualTo(2017);
        assertThat(pubmed.authors().get(0)).isEqualTo(new Author(null, "Bao", "Ying", null));
        assertThat(pubmed.abstractText()).startsWith("OBJECTIVE: Telomere shortening");
        RawRecord openAlex = records("bibliographic/d-openalex.jsonl").stream()
                .filter(r -> r.source().ordinal() == 0).findFirst().orElseThrow();
        assertThat(openAlex.authors().get(0).orcid()).isEqualTo("0000-0002-1825-0097");
        assertThat(openAlex.venue()).isEqualTo("PeerJ");
        assertThat(openAlex.pmcid()).isEqualTo("PMC5815332");
    }

    @Test
    void hostileFilesFailOrAreRejectedAndTheNextFileStillGoesThrough() throws IOException {
        drop("hostile/a-bomb.jsonl.gz", resource("/hostile/bomb.jsonl.gz")); // 3 MB decompressed: under the 2G default
        drop("hostile/b-billion-laughs.xml", resource("/hostile/xml-billion-laughs.xml"));
        drop("hostile/c-truncated.jsonl.gz", resource("/hostile/truncated.jsonl.gz"));
        drop("hostile/d-unbalanced.bib", resource("/hostile/bib-unbalanced-eof.bib"));
        drop("hostile/e-good.jsonl", "{\"abstract\": \"fine\"}\n".getBytes(StandardCharsets.UTF_8));

        assertThat(awaitSettled("hostile/e-good.jsonl").status()).isEqualTo(FileStatus.DONE);
        assertThat(awaitSettled("hostile/b-billion-laughs.xml").failureReason()).contains("XML declaring or using entities is refused");
        assertThat(awaitSettled("hostile/c-truncated.jsonl.gz").failureReason()).startsWith("truncated or corrupt gzip data");
        assertThat(awaitSettled("hostile/d-unbalanced.bib").failureReason()).startsWith("unbalanced braces");
        assertThat(records("hostile/d-unbalanced.bib")).isEmpty(); // its first, good entry was aborted with the file
        assertThat(awaitSettled("hostile/a-bomb.jsonl.gz").status()).isEqualTo(FileStatus.DONE);
    }

    private byte[] resource(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void everyRecordIsKeyedByItsIdAndCarriesItsProvenance() throws IOException {
        drop("provenance/page.txt", PAGE.getBytes(StandardCharsets.UTF_8));
        FileLedgerEntry entry = awaitSettled("provenance/page.txt");

        List<Keyed<RawRecord>> keyed = TopicReader.committed(bootstrap, Topics.RAW).stream()
                .filter(k -> k.value().source().key().equals("provenance/page.txt")).toList();
        assertThat(keyed).hasSize(2).allSatisfy(k -> assertThat(k.key()).isEqualTo(k.value().recordId()));
        RawRecord first = keyed.stream().map(Keyed::value).filter(r -> r.source().ordinal() == 0).findFirst().orElseThrow();
        assertThat(first.source().bucket()).isEqualTo("local");
        assertThat(first.source().contentHash()).isEqualTo(entry.contentHash());
        assertThat(first.source().format()).isEqualTo("affiliation-page");
        assertThat(first.source().line()).isEqualTo(2);
        assertThat(first.affiliations()).containsExactly("MIT");
        assertThat(first.abstractText()).isEqualTo("First abstract.");
        assertThat(first.ingestedAt()).isBefore(entry.updatedAt().plusMillis(1));
    }

    @Test
    void sameBytesDroppedAgainProduceNoNewRecords() throws IOException {
        drop("again/page.txt", PAGE.getBytes(StandardCharsets.UTF_8));
        FileLedgerEntry first = awaitSettled("again/page.txt");

        drop("again/page.txt", PAGE.getBytes(StandardCharsets.UTF_8)); // rewritten: new modification time, same bytes
        drop("again/zz-marker.txt", "Abstract:Marker.".getBytes(StandardCharsets.UTF_8));
        awaitSettled("again/zz-marker.txt"); // scanned after page.txt, in key order, so page.txt was looked at

        assertThat(records("again/page.txt")).hasSize(2);
        assertThat(file("again/page.txt")).contains(first);
    }

    @Test
    void changedFileIsIngestedAgain() throws IOException {
        drop("changed/page.txt", PAGE.getBytes(StandardCharsets.UTF_8));
        FileLedgerEntry before = awaitSettled("changed/page.txt");

        drop("changed/page.txt", (PAGE + "Abstract:Third abstract.\n").getBytes(StandardCharsets.UTF_8));

        await().atMost(PATIENCE).until(() -> file("changed/page.txt")
                .filter(entry -> !entry.contentHash().equals(before.contentHash()) && entry.status() == FileStatus.DONE)
                .isPresent());
        assertThat(file("changed/page.txt").orElseThrow().records()).isEqualTo(3);
        List<RawRecord> records = records("changed/page.txt");
        assertThat(records).filteredOn(r -> r.source().contentHash().equals(before.contentHash())).hasSize(2);
        assertThat(records).filteredOn(r -> !r.source().contentHash().equals(before.contentHash())).hasSize(3);
    }

    @Test
    void unreadableFilesFailWithAReasonAndTheFilesAfterThemStillGoThrough() throws IOException {
        drop("broken/a-image.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d});
        drop("broken/b-table.txt", "id,title\n1,First\n2,Second\n".getBytes(StandardCharsets.UTF_8));
        drop("broken/c-empty.txt", new byte[0]);
        drop("broken/d-good.txt", PAGE.getBytes(StandardCharsets.UTF_8));

        assertThat(awaitSettled("broken/d-good.txt").status()).isEqualTo(FileStatus.DONE);
        assertThat(awaitSettled("broken/a-image.txt")).satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(FileStatus.FAILED);
            assertThat(entry.failureReason()).isEqualTo("not valid UTF-8 text at line 1");
        });
        assertThat(awaitSettled("broken/b-table.txt").failureReason()).startsWith("format not recognised").contains("id,title");
        assertThat(awaitSettled("broken/c-empty.txt").failureReason()).isEqualTo("empty file");

        List<Keyed<Rejection>> rejections = TopicReader.committed(bootstrap, Topics.REJECTED).stream()
                .filter(k -> k.value().key().startsWith("broken/")).toList();
        assertThat(rejections).extracting(k -> k.value().key())
                .containsExactlyInAnyOrder("broken/a-image.txt", "broken/b-table.txt", "broken/c-empty.txt");
        assertThat(rejections).allSatisfy(k -> {
            assertThat(k.key()).isEqualTo(FileLedgerEntry.ledgerKey("local", k.value().key()));
            assertThat(k.value().ordinal()).isNull(); // the whole file, not one record
        });
    }

    @Test
    void rejectedRecordsAreReportedWithTheirLineAndTheFileIsStillDone() throws IOException {
        drop("partial/page.txt", "MIT\nAbstract:One.\nAbstract:\nAbstract:Three.\n".getBytes(StandardCharsets.UTF_8));

        FileLedgerEntry entry = awaitSettled("partial/page.txt");

        assertThat(entry.status()).isEqualTo(FileStatus.DONE);
        assertThat(entry.records()).isEqualTo(2);
        assertThat(entry.rejections()).isEqualTo(1);
        assertThat(entry.firstErrors()).containsExactly("line 3: empty abstract");
        assertThat(TopicReader.committed(bootstrap, Topics.REJECTED)).map(Keyed::value)
                .filteredOn(r -> r.key().equals("partial/page.txt"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.line()).isEqualTo(3);
                    assertThat(r.ordinal()).isEqualTo(1);
                    assertThat(r.reason()).isEqualTo("empty abstract");
                });
    }

    @Test
    void hiddenFilesAndUploadsInFlightAreLeftAlone() throws IOException {
        drop("ignored/.draft.txt", PAGE.getBytes(StandardCharsets.UTF_8));
        drop("ignored/upload.txt.part", PAGE.getBytes(StandardCharsets.UTF_8));
        drop("ignored/upload.txt.tmp", PAGE.getBytes(StandardCharsets.UTF_8));
        drop("ignored/zz-marker.txt", PAGE.getBytes(StandardCharsets.UTF_8));

        awaitSettled("ignored/zz-marker.txt");

        assertThat(files("ignored/")).extracting(FileLedgerEntry::key).containsExactly("ignored/zz-marker.txt");
    }

    @Test
    void fileModifiedMomentsAgoWaitsUntilItHasSettled() throws IOException, InterruptedException {
        Path path = bucket.resolve("settling/page.txt");
        Files.createDirectories(path.getParent());
        Files.write(path, PAGE.getBytes(StandardCharsets.UTF_8));
        // As if a writer were still busy with it for another four seconds: a wide margin over a stalled sleep below.
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(4)));

        Thread.sleep(1200); // the watch and at least one periodic scan have seen it by now
        assertThat(file("settling/page.txt")).isEmpty();

        assertThat(awaitSettled("settling/page.txt").records()).isEqualTo(2);
    }

    @Test
    void unknownFileIsANotFoundProblem() {
        given().get("/files/no/such/file.txt").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("urn:abstract-catalog:problem:file-not-found"))
                .body("title", equalTo("File not found"))
                .body("instance", equalTo("/files/no/such/file.txt"))
                .body("detail", startsWith("no file 'no/such/file.txt' in the ledger of bucket 'local'"));
    }

    @Test
    void readyWhenBucketAndKafkaAnswer() {
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].data.ingest", containsString("RUNNING"))
                .body("checks[0].data.watch", containsString("watching the folder")));
    }

    @Test
    void metricsCountFilesRecordsAndBytes() throws IOException {
        drop("metrics/page.txt", PAGE.getBytes(StandardCharsets.UTF_8));
        awaitSettled("metrics/page.txt");

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("ingest_files_ingested_total", "ingest_files_failed_total", "ingest_records_total",
                "ingest_rejections_total", "ingest_bytes_total");
    }

    @Test
    void openApiDescribesTheLedgerEndpoints() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/files/{key}"));
    }

    /** Writes a file as a user would; its modification time is set back so it counts as settled at once. */
    private void drop(String key, byte[] content) throws IOException {
        Path path = bucket.resolve(key);
        Files.createDirectories(path.getParent());
        Path partial = path.resolveSibling(path.getFileName() + ".part");
        Files.write(partial, content);
        Files.setLastModifiedTime(partial, FileTime.from(Instant.now().minusSeconds(5)));
        Files.move(partial, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private FileLedgerEntry awaitSettled(String key) {
        await().atMost(PATIENCE).until(() -> file(key).isPresent());
        return file(key).orElseThrow();
    }

    private static Optional<FileLedgerEntry> file(String key) {
        var response = given().get("/files/" + key);
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(EventJson.read(response.asByteArray(), FileLedgerEntry.class));
    }

    private static List<FileLedgerEntry> files(String prefix) {
        byte[] body = given().get("/files").then().statusCode(200).extract().asByteArray();
        return EventJson.read(body, FileResource.FileList.class).results().stream().filter(e -> e.key().startsWith(prefix)).toList();
    }

    private List<RawRecord> records(String keyPrefix) {
        return TopicReader.committed(bootstrap, Topics.RAW).stream().map(Keyed::value)
                .filter(r -> r.source().key().startsWith(keyPrefix)).toList();
    }
}
