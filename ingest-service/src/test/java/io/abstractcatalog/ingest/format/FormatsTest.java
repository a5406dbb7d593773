package io.abstractcatalog.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format on a small real-looking file ({@code src/test/resources/formats}, see its README), as is and gzipped:
 * the format detected, the records (source ids, in order) and the rejections (line: reason).
 */
class FormatsTest {

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("arxiv-sample.csv", "csv", List.of("704.0001", "704.0002", "704.0003", "704.0004"), List.of()),
                Arguments.of("bibdedupe-sample.csv", "csv", List.of("id_0000000", "id_0000001", "id_0000002"), List.of()),
                Arguments.of("papers.jsonl", "json-lines", List.of("0704.0002", "0704.0004", "0704.0003"),
                        List.of("line 5: no abstract", "line 6: malformed JSON")),
                Arguments.of("papers.json", "json-array", List.of("0704.0001", "0704.0003"),
                        List.of("line 12: array element is not a JSON object", "line 13: no abstract")),
                Arguments.of("refs.bib", "bibtex", List.of("Balazs2007", "Streinu:2007", "Pan2007"),
                        List.of("line 30: no abstract", "line 35: expected ',' or '}' after the value of field 'title', found 'a'")),
                Arguments.of("refs.ris", "ris", java.util.Arrays.asList("Balazs2007", null),
                        List.of("line 17: no abstract", "line 30: record not closed by 'ER  -' at the end of the file")),
                Arguments.of("oai-arxiv.xml", "arxiv-oai", List.of("oai:arXiv.org:0704.0001", "oai:arXiv.org:0704.0002"),
                        List.of("line 30: no abstract")),
                Arguments.of("oai-dc.xml", "arxiv-oai", List.of("oai:arXiv.org:0704.0004"), List.of()),
                // the entry with an empty summary has a title and an arXiv id: a record without abstract
                Arguments.of("atom.xml", "arxiv-atom", List.of("http://arxiv.org/abs/2101.00001v2",
                        "http://arxiv.org/abs/hep-th/9901001v1", "http://arxiv.org/abs/2101.00003v1"), List.of()),
                Arguments.of("crossref-work.json", "crossref-json", List.of("10.1136/gutjnl-2016-312510"), List.of()),
                Arguments.of("crossref-works.json", "crossref-json", List.of("10.1103/physrevd.76.013009",
                        "10.1006/cryo.2001.2328", "10.48550/arXiv.0704.0002"), List.of()),
                Arguments.of("crossref-works.jsonl", "crossref-json", List.of("10.3389/FPHYS.2018.01034", "10.1136/oemed-2017-104431"),
                        List.of("line 2: not a JSON object")),
                Arguments.of("openalex-work.json", "openalex-json", List.of("https://openalex.org/W2741809807"), List.of()),
                Arguments.of("openalex-works.json", "openalex-json", List.of("https://openalex.org/W2952216447"),
                        List.of("line 1: no abstract")),
                Arguments.of("openalex-works.jsonl", "openalex-json",
                        List.of("https://openalex.org/W2741809807", "https://openalex.org/W1963999999"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsEachFormat(String file, String format, List<String> sourceIds, List<String> problems) {
        assertParsed(Parsing.of(file, bytes(file)), format, sourceIds, problems);
    }

    @ParameterizedTest(name = "{0}.gz")
    @MethodSource("files")
    void readsEachFormatGzipped(String file, String format, List<String> sourceIds, List<String> problems) {
        assertParsed(Parsing.of(file + ".gz", gzip(bytes(file))), format + "+gzip", sourceIds, problems);
    }

    @ParameterizedTest(name = "{0} named .txt")
    @MethodSource("files")
    void contentWinsOverAMisleadingExtension(String file, String format, List<String> sourceIds, List<String> problems) {
        assertThat(Parsing.of("misleading.txt", bytes(file)).format()).isEqualTo(format);
        assertThat(Parsing.of("misleading.ris.gz", gzip(bytes(file))).format()).isEqualTo(format + "+gzip");
    }

    private static void assertParsed(Parsing parsing, String format, List<String> sourceIds, List<String> problems) {
        assertThat(parsing.format()).isEqualTo(format);
        assertThat(parsing.records()).extracting(ParsedRecord::sourceId).containsExactlyElementsOf(sourceIds);
        assertThat(parsing.problems()).hasSameSizeAs(problems);
        for (int i = 0; i < problems.size(); i++) {
            assertThat(parsing.problems().get(i)).startsWith(problems.get(i));
        }
        // a record without abstract is one the rule admits: a title, and authors or an identifier
        assertThat(parsing.records()).allSatisfy(r -> {
            if (r.abstractText() == null) {
                assertThat(r.title()).isNotBlank();
                assertThat(!r.authors().isEmpty() || r.doi() != null || r.arxivId() != null || r.pmid() != null
                        || r.pmcid() != null).as("authors or an identifier").isTrue();
            } else {
                assertThat(r.abstractText()).isNotBlank();
            }
        });
    }

    static byte[] bytes(String file) {
        try (InputStream in = FormatsTest.class.getResourceAsStream("/formats/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
