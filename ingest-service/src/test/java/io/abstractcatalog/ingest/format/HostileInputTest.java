package io.abstractcatalog.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus ({@code src/test/resources/hostile}, one line per file in its README): each file read the way
 * the ingestor reads it, with small limits (records of 2,000 characters, files of 50,000 bytes), and its outcome
 * checked: FAILED with the reason, or DONE with its records and its rejections ({@code line N: reason}).
 */
class HostileInputTest {

    static final ReadLimits LIMITS = new ReadLimits(2000, 50_000);

    /** What a file must come to. */
    record Case(String file, String failure, int records, List<String> rejections) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Case failed(String file, String reason) {
        return new Case(file, reason, 0, List.of());
    }

    static Case done(String file, int records, String... rejections) {
        return new Case(file, null, records, List.of(rejections));
    }

    static Stream<Case> corpus() {
        return Stream.of(
                // whole files that are not text, not ours, or not complete
                failed("binary-png.txt", "not valid UTF-8 text at line 1"),
                failed("binary-nul.jsonl", "binary file: it contains NUL bytes (first at line 2)"),
                failed("archive.zip", "binary file: a zip archive (only gzip compression is supported)"),
                failed("document.pdf", "binary file: a PDF document"),
                failed("empty.jsonl", "empty file"),
                failed("blank-lines.csv", "file has only blank lines"),
                failed("prose.txt", "format not recognised (known: affiliation-page, trending-page, json-lines, json-array, csv, bibtex, ris, arxiv-oai, arxiv-atom, pubmed-xml, medline, crossref-json, openalex-json); it starts with: \"Dear colleagues,\""),
                failed("latin1-row.csv", "not valid UTF-8 text at line 2"),
                failed("latin1-line5.bib", "not valid UTF-8 text at line 4"),
                failed("invalid-utf8-line3.jsonl", "not valid UTF-8 text at line 3"),
                failed("utf16.xml", "not valid UTF-8 text at line 1"),
                // gzip
                failed("truncated.jsonl.gz", "truncated or corrupt gzip data: Unexpected end of ZLIB input stream"),
                failed("corrupt-header.gz", "truncated or corrupt gzip data"),
                failed("bomb.jsonl.gz", "the decompressed content is larger than the limit of 50000 bytes (ingest.max-file-size)"),
                failed("gzip-of-binary.gz", "not valid UTF-8 text at line 1"),
                failed("gzip-of-nothing.gz", "empty file (after gzip decompression)"),
                failed("over-size.jsonl", "the file is larger than the limit of 50000 bytes (ingest.max-file-size)"),
                // JSON
                failed("array-unclosed.json", "malformed JSON array at line 4: Unexpected end-of-input"),
                failed("array-trailing-garbage.json", "malformed JSON array: content after its closing ']'"),
                failed("array-missing-comma.json", "malformed JSON array at line 3: Unexpected character ('{'"),
                done("array-of-scalars.json", 1, "line 1: array element is not a JSON object", "line 1: array element is not a JSON object",
                        "line 1: array element is not a JSON object", "line 1: array element is not a JSON object"),
                done("array-long-unused-field.json", 1, "line 2: record longer than 2000 characters"),
                failed("array-unclosed-string.json", "malformed JSON array at line 1: Illegal unquoted character"),
                failed("json-object-pretty.json", "a JSON document spread over several lines is not supported"),
                done("jsonl-mixed.jsonl", 2, "line 2: malformed JSON: Unexpected end-of-input", "line 3: not a JSON object",
                        "line 4: not a JSON object", "line 5: no abstract", "line 6: more than one JSON value on the line"),
                done("jsonl-long-line.jsonl", 1, "line 1: record longer than 2000 characters"),
                done("jsonl-deep-nesting.jsonl", 1, "line 1: malformed JSON: Document nesting depth (101) exceeds the maximum allowed (100"),
                done("jsonl-wrong-types.jsonl", 1),
                // CSV
                failed("csv-no-header.csv", "it looks like CSV without a header"),
                failed("csv-no-abstract-column.csv", "it looks like CSV, but its header has no abstract column"),
                failed("csv-unclosed-quote.csv", "malformed CSV"),
                done("csv-extra-columns.csv", 2, "line 3: row has 5 values, the header names 3 columns"),
                done("csv-empty-abstract.csv", 1, "line 2: no abstract", "line 3: no abstract"),
                done("csv-semicolon-bom-crlf.csv", 2),
                done("csv-tab.tsv", 1),
                done("csv-long-field.csv", 1, "line 2: record longer than 2000 characters"),
                // BibTeX
                failed("bib-unbalanced-eof.bib", "unbalanced braces: the entry at line 3 is still open at the end of the file"),
                done("bib-missing-key.bib", 1, "line 1: missing citation key"),
                done("bib-unclosed-quote.bib", 1, "line 1: unbalanced braces: a '}' without its '{' inside a quoted value"),
                failed("bib-comment-unclosed.bib", "unbalanced braces: the entry at line 2 is still open at the end of the file"),
                done("bib-garbage.bib", 2),
                done("bib-long-entry.bib", 1, "line 1: record longer than 2000 characters"),
                // RIS
                done("ris-no-er.ris", 1, "line 1: record not closed by 'ER  -' before the next 'TY  -'"),
                done("ris-tag-outside.ris", 2, "line 4: tag AB outside a record", "line 5: text outside a record"),
                done("ris-long-abstract.ris", 1, "line 1: record longer than 2000 characters"),
                // XML
                failed("xml-billion-laughs.xml", "XML declaring or using entities is refused"),
                failed("xml-xxe-oai.xml", "XML declaring or using entities is refused"),
                done("xml-doctype-atom.xml", 1), // the DTD is named, never loaded
                failed("pubmed-billion-laughs.xml", "XML declaring or using entities is refused"),
                failed("pubmed-xxe.xml", "XML declaring or using entities is refused"),
                failed("pubmed-parameter-entity.xml", "XML declaring or using entities is refused"),
                done("pubmed-external-dtd.xml", 1),
                failed("pubmed-undeclared-entity.xml", "XML declaring or using entities is refused"),
                failed("xml-atom-unclosed.xml", "malformed XML at line 4"),
                failed("xml-oai-mismatched.xml", "malformed XML at line 5"),
                done("xml-atom-long-summary.xml", 1, "line 2: record longer than 2000 characters"),
                done("xml-atom-no-entries.xml", 0),
                done("xml-oai-error.xml", 0),
                // the formats of bibliographic services
                done("medline-no-abstract.nbib", 3), // PMID 2 has a title and a PMID: kept without abstract
                failed("crossref-truncated.json", "malformed JSON at line 2: Unexpected end-of-input"),
                done("crossref-long-references.jsonl", 1, "line 1: record longer than 2000 characters"),
                done("openalex-huge-position.jsonl", 1, "line 1: record longer than 2000 characters"),
                // the page formats
                failed("affiliation-long-header.txt", "the affiliation line is longer than 2000 characters"),
                done("trending-title-only.txt", 0, "line 2: title without abstract"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileFileHasItsOutcome(Case expected) {
        Outcome outcome = read(expected.file());

        if (expected.failure() != null) {
            assertThat(outcome.failure()).as("failure reason").isNotNull().contains(expected.failure());
        } else {
            assertThat(outcome.failure()).as("failure reason").isNull();
            assertThat(outcome.parsing().records()).as("records").hasSize(expected.records());
            assertThat(outcome.parsing().problems()).as("rejections").hasSameSizeAs(expected.rejections());
            for (int i = 0; i < expected.rejections().size(); i++) {
                assertThat(outcome.parsing().problems().get(i)).startsWith(expected.rejections().get(i));
            }
        }
    }

    @Test
    void theCorpusHasAtLeastFortyFilesAndEachIsInTheTable() throws IOException {
        Set<String> inTable = corpus().map(Case::file).collect(Collectors.toSet());
        List<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/hostile"))) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(name -> !name.equals("README.md")).sorted().toList();
        }
        assertThat(onDisk).hasSizeGreaterThanOrEqualTo(40);
        assertThat(inTable).containsExactlyInAnyOrderElementsOf(onDisk);
        String readme = Files.readString(Path.of("src/test/resources/hostile/README.md"));
        assertThat(onDisk).allSatisfy(file -> assertThat(readme).contains("`" + file + "`"));
    }

    @Test
    void oneDetectorReadsTheWholeCorpusInARowAndAGoodFileStillWorksAfterIt() {
        corpus().forEach(c -> read(c.file()));

        assertThat(Parsing.of("after.jsonl", "{\"abstract\": \"still fine\"}\n").records()).hasSize(1);
    }

    @Test
    void aDoctypeNeverMakesTheParserFetchAnything() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY secret \"leaked\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            String article = "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><Abstract>"
                    + "<AbstractText>%s</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>";
            Parsing external = Parsing.of("a.xml", "<!DOCTYPE PubmedArticleSet SYSTEM \"" + url + "/pubmed.dtd\">\n" + article.formatted("x"));
            String entity = "<!DOCTYPE PubmedArticleSet [<!ENTITY secret SYSTEM \"" + url + "/secret\">]>\n" + article.formatted("&secret;");
            String parameter = "<!DOCTYPE PubmedArticleSet [<!ENTITY % dtd SYSTEM \"" + url + "/dtd\"> %dtd;]>\n" + article.formatted("&secret;");

            assertThat(external.records()).singleElement().satisfies(r -> assertThat(r.abstractText()).isEqualTo("x"));
            assertThat(HostileInputTest.failure(entity)).startsWith("XML declaring or using entities is refused");
            assertThat(HostileInputTest.failure(parameter)).startsWith("XML declaring or using entities is refused");
            assertThat(requests).as("requests the server received").hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    private static String failure(String xml) {
        try {
            Parsing.of("a.xml", xml);
            return null;
        } catch (UnreadableFileException e) {
            return e.getMessage();
        }
    }

    record Outcome(String failure, Parsing parsing) {
    }

    static Outcome read(String file) {
        byte[] bytes;
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/" + file)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new Outcome(null, Parsing.of(new ByteArrayInputStream(bytes), file, LIMITS));
        } catch (UnreadableFileException e) {
            return new Outcome(e.getMessage(), null);
        } catch (UncheckedIOException e) {
            return fail("an I/O error means 'retry later', not a verdict on the file: " + file, e);
        }
    }
}
