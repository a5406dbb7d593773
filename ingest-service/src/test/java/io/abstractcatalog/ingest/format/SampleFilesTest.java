package io.abstractcatalog.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The five files the user gave, parsed exactly as the service does. */
class SampleFilesTest {

    static final List<String> SAMPLES = List.of("000_763c6eb23b8e6730.txt", "001_404e3f05a329715c.txt",
            "002_92fc8e9ffcbc002e.txt", "003_4445a41d3cddc1a5.txt", "004_cbec915a805da14a.txt");

    private static final String HEFEI = "Hefei National Laboratory for Physical Sciences at Microscale and Department of "
            + "Modern Physics, University of Science and Technology of China, Hefei, China, Shanghai Branch, CAS Center "
            + "for Excellence in Quantum Information and Quantum Physics, University of Science and Technology of China, "
            + "Shanghai, China, Shanghai Research Center for Quantum Sciences, Shanghai, China";

    @ParameterizedTest(name = "{0}: {1}, {2} records")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            000_763c6eb23b8e6730.txt | affiliation-page | 10  | The University of Tokyo
            001_404e3f05a329715c.txt | affiliation-page | 10  | The University of Tokyo
            002_92fc8e9ffcbc002e.txt | affiliation-page | 10  | -
            004_cbec915a805da14a.txt | trending-page    | 267 | -
            """)
    void sampleParsesIntoItsRecordsWithoutRejections(String file, String format, int records, String affiliation) {
        Parsing parsing = Parsing.of(sample(file));

        assertThat(parsing.format()).isEqualTo(format);
        assertThat(parsing.records()).hasSize(records);
        assertThat(parsing.rejections()).isEmpty();
        assertThat(parsing.ordinals()).isEqualTo(Stream.iterate(0, i -> i + 1).limit(records).toList());
        assertThat(parsing.records()).allSatisfy(record -> assertThat(record.affiliations())
                .isEqualTo(affiliation == null ? List.of() : List.of(affiliation)));
    }

    @Test
    void longMultiInstitutionAffiliationStaysOneString() {
        Parsing parsing = Parsing.of(sample("003_4445a41d3cddc1a5.txt"));

        assertThat(parsing.records()).hasSize(10);
        assertThat(parsing.records()).allSatisfy(record -> assertThat(record.affiliations()).containsExactly(HEFEI));
    }

    @Test
    void affiliationPageRecordsPointAtTheirAbstractLineAndDropThePrefix() {
        String file = "001_404e3f05a329715c.txt";
        List<String> lines = new String(sample(file), StandardCharsets.UTF_8).lines().toList();
        Parsing parsing = Parsing.of(sample(file));

        assertThat(parsing.records()).allSatisfy(record -> {
            assertThat(lines.get(record.line() - 1)).isEqualTo("Abstract:" + record.abstractText());
            assertThat(record.title()).isNull();
        });
        assertThat(parsing.abstracts().get(0)).startsWith("Sum-product networks (SPNs) are probabilistic models");
    }

    @Test
    void trendingPageTitlesCarryNoPageFurniture() {
        Parsing parsing = Parsing.of(sample("004_cbec915a805da14a.txt"));

        assertThat(parsing.titles().get(0)).isEqualTo("Meta-Learning Update Rules for Unsupervised Representation Learning");
        assertThat(parsing.records().get(0).line()).isEqualTo(3);
        assertThat(parsing.abstracts().get(0)).startsWith("A major goal of unsupervised learning is to discover data representations");
        assertThat(parsing.titles()).noneMatch(title -> title.contains("Subscribe") || title.contains("trending papers"));
        assertThat(parsing.titles()).contains("μnit Scaling: Simple and Scalable FP8 LLM Training",
                "Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention");
        assertThat(parsing.records().get(266).line()).isEqualTo(535);
    }

    @Test
    void theFiveSamplesHold307Records() {
        int total = SAMPLES.stream().mapToInt(file -> Parsing.of(sample(file)).records().size()).sum();

        assertThat(total).isEqualTo(307);
    }

    static byte[] sample(String file) {
        try (InputStream in = SampleFilesTest.class.getResourceAsStream("/samples/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
