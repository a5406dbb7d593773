package io.abstractcatalog.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {

    private final FormatDetector detector = FormatDetector.ofKnownFormats();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "000_763c6eb23b8e6730.txt, affiliation-page",
            "001_404e3f05a329715c.txt, affiliation-page",
            "002_92fc8e9ffcbc002e.txt, affiliation-page",
            "003_4445a41d3cddc1a5.txt, affiliation-page",
            "004_cbec915a805da14a.txt, trending-page"})
    void detectsEachSampleFromItsContent(String file, String format) throws IOException {
        assertThat(detect(SampleFilesTest.sample(file)).name()).isEqualTo(format);
    }

    /** The head of a file and the format it must be read as: the new formats, and the look-alikes they must leave alone. */
    static Stream<Arguments> heads() {
        return Stream.of(
                Arguments.of("PubMed efetch with NLM's DOCTYPE", "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" "
                        + "\"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n<PubmedArticleSet>\n<PubmedArticle><MedlineCitation>", "pubmed-xml"),
                Arguments.of("PubMed without prolog", "<PubmedArticleSet><PubmedArticle>", "pubmed-xml"),
                Arguments.of("MEDLINE text", "\nPMID- 12230038\nOWN - NLM\nTI  - A title.\n", "medline"),
                Arguments.of("Crossref work", "{\"status\":\"ok\",\"message-type\":\"work\",\"message-version\":\"1.0.0\",\"message\":{\"DOI\":\"10.1/x\"}}", "crossref-json"),
                Arguments.of("Crossref work-list, pretty", "{\n  \"status\": \"ok\",\n  \"message-type\": \"work-list\",\n  \"message\": {\"items\": []}\n}\n", "crossref-json"),
                Arguments.of("Crossref dump line", "{\"indexed\":{},\"reference-count\":0,\"DOI\":\"10.1/x\",\"member\":\"1\",\"abstract\":\"x\"}\n", "crossref-json"),
                Arguments.of("OpenAlex work line", "{\"id\":\"https://openalex.org/W2741809807\",\"publication_year\":2018}\n", "openalex-json"),
                Arguments.of("OpenAlex list, pretty", "{\n \"meta\": {\"count\": 1},\n \"results\": [{\"id\": \"https://openalex.org/W1\", \"authorships\": []}]\n}\n", "openalex-json"),
                // look-alikes that stay with the generic JSON formats
                Arguments.of("CSL-JSON line with DOI and container-title", "{\"DOI\":\"10.1/x\",\"container-title\":\"Gut\",\"abstract\":\"x\"}\n", "json-lines"),
                Arguments.of("JSON line naming an OpenAlex work in a text", "{\"abstract\":\"see https://openalex.org/W1\"}\n", "json-lines"),
                Arguments.of("JSON line with an OpenAlex id and no work keys", "{\"id\":\"https://openalex.org/W1\",\"abstract\":\"x\"}\n", "json-lines"),
                Arguments.of("JSON array of Crossref works", "[{\"indexed\":{},\"reference-count\":0,\"DOI\":\"10.1/x\",\"member\":\"1\"}]", "json-array"),
                Arguments.of("RIS naming a PMID", "TY  - JOUR\nAN  - 12230038\nER  - \n", "ris"));
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("heads")
    void detectsTheNewFormatsAndLeavesLookAlikesAlone(String what, String head, String format) throws IOException {
        byte[] bytes = head.getBytes(StandardCharsets.UTF_8);

        assertThat(detect(bytes).name()).isEqualTo(format);
        assertThat(detector.open(new ByteArrayInputStream(FormatsTest.gzip(bytes)), "file.gz", ReadLimits.of(1000)).formatName())
                .isEqualTo(format + "+gzip");
    }

    @Test
    void detectionConsumesNothing() {
        Parsing parsing = Parsing.of("MIT\nAbstract:one\n");

        assertThat(parsing.records()).singleElement().satisfies(r -> assertThat(r.affiliations()).containsExactly("MIT"));
    }

    @Test
    void emptyFileIsUnreadable() {
        assertThatThrownBy(() -> detect(new byte[0]))
                .isInstanceOf(UnreadableFileException.class).hasMessage("empty file");
    }

    @Test
    void blankFileIsUnreadable() {
        assertThatThrownBy(() -> detect("\n  \r\n\t\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableFileException.class).hasMessage("file has only blank lines");
    }

    @Test
    void unknownContentIsUnreadableAndSaysHowItStarts() {
        byte[] csv = "id|title|abstract\n1|A title|Short\n2|Another|Short too\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> detect(csv))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("format not recognised (known: affiliation-page, trending-page, json-lines, ")
                .hasMessageContaining("id|title|abstract");
    }

    @Test
    void bytesThatAreNotUtf8AreUnreadableWithTheirLine() {
        byte[] latin1 = "MIT\nAbstract:Caf\u00e9 society\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> detect(latin1))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("not valid UTF-8 text at line 2")
                .extracting(e -> ((UnreadableFileException) e).line()).isEqualTo(2);
    }

    private RecordFormat detect(byte[] bytes) throws IOException {
        return detector.open(new ByteArrayInputStream(bytes), "", ReadLimits.of(1000)).format();
    }
}
