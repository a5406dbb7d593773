package io.abstractcatalog.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
