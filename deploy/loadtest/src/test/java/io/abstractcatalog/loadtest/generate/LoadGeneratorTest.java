package io.abstractcatalog.loadtest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.dedup.normalize.TextNormalizer;
import io.abstractcatalog.ingest.format.FormatDetector;
import io.abstractcatalog.ingest.format.OpenedFile;
import io.abstractcatalog.ingest.format.ParseRejection;
import io.abstractcatalog.ingest.format.ParsedRecord;
import io.abstractcatalog.ingest.format.ReadLimits;
import io.abstractcatalog.ingest.format.RecordSink;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator on a 300-abstract slice of the arXiv sample (test resources): its files are read back with
 * ingest-service's own parsers and its expected works are checked against the matcher's normalizer and thresholds.
 */
class LoadGeneratorTest {

    private static Corpus corpus;

    @TempDir
    Path dir;

    @BeforeAll
    static void readCorpus() throws URISyntaxException {
        corpus = Corpus.read(Path.of(LoadGeneratorTest.class.getResource("/arxiv-sample-300.csv").toURI()));
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherBytes() throws IOException {
        new LoadGenerator(corpus, new LoadSpec(6, 40, 0.1, 0.2, 7)).writeAll(dir.resolve("a"));
        new LoadGenerator(corpus, new LoadSpec(6, 40, 0.1, 0.2, 7)).writeAll(dir.resolve("b"));
        new LoadGenerator(corpus, new LoadSpec(6, 40, 0.1, 0.2, 8)).writeAll(dir.resolve("c"));

        for (Path file : files(dir.resolve("a/files"))) {
            byte[] a = Files.readAllBytes(file);
            assertThat(Files.readAllBytes(dir.resolve("b/files").resolve(file.getFileName()))).isEqualTo(a);
            assertThat(Files.readAllBytes(dir.resolve("c/files").resolve(file.getFileName()))).isNotEqualTo(a);
        }
        assertThat(Files.readString(dir.resolve("b/expected.json"))).isEqualTo(Files.readString(dir.resolve("a/expected.json")));
    }

    @Test
    void everyFileIsReadByIngestAsItsFormatWithEveryRecordAndNoRejection() throws IOException {
        Expected expected = new LoadGenerator(corpus, new LoadSpec(6, 50, 0.1, 0.2, 3)).writeAll(dir);

        List<Path> files = files(dir.resolve("files"));
        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("00000.jsonl", "00001.csv", "00002.txt", "00003.jsonl", "00004.csv", "00005.txt");
        for (Path file : files) {
            Parsed parsed = parse(file);
            FileFormat format = LoadGenerator.formatOf(Integer.parseInt(file.getFileName().toString().substring(0, 5)));
            assertThat(parsed.format).as(file.toString()).isEqualTo(format.ingestName());
            assertThat(parsed.rejections).as(file.toString()).isEmpty();
            assertThat(parsed.records).as(file.toString()).hasSize(50);
            assertThat(parsed.records).allSatisfy(r -> {
                assertThat(r.abstractText()).hasSizeGreaterThan(200);
                assertThat(r.affiliations()).hasSize(1);
                if (format != FileFormat.AFFILIATION_PAGE) {
                    assertThat(r.title()).isNotBlank();
                    assertThat(r.authors()).isNotEmpty();
                    assertThat(r.year()).isBetween(1995, 2025);
                }
            });
        }
        assertThat(expected.records()).isEqualTo(300);
        assertThat(expected.exactCopies()).isEqualTo(30);
        assertThat(expected.nearCopies()).isEqualTo(60);
        assertThat(expected.works()).isEqualTo(210);
        assertThat(Expected.read(dir.resolve(Expected.FILE_NAME))).isEqualTo(expected);
    }

    /**
     * Clusters all parsed records the way the matcher decides on abstracts (its own normalizer; word 3-shingle
     * Jaccard ≥ 0.5 or containment ≥ 0.9, computed exactly rather than estimated) and finds the expected works.
     */
    @Test
    void theExpectedWorksAreWhatTheMatchersThresholdsFindInTheParsedFiles() throws IOException {
        Expected expected = new LoadGenerator(corpus, new LoadSpec(9, 40, 0.1, 0.25, 11)).writeAll(dir);
        List<Set<String>> shingles = new ArrayList<>();
        for (Path file : files(dir.resolve("files"))) {
            for (ParsedRecord record : parse(file).records) {
                shingles.add(shingles(record.abstractText()));
            }
        }

        int[] parent = new int[shingles.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        double highestBetweenWorks = 0;
        for (int i = 0; i < shingles.size(); i++) {
            for (int j = i + 1; j < shingles.size(); j++) {
                double[] similarity = similarity(shingles.get(i), shingles.get(j));
                if (similarity[0] >= 0.5 || similarity[1] >= 0.9) {
                    parent[find(parent, i)] = find(parent, j);
                } else {
                    highestBetweenWorks = Math.max(highestBetweenWorks, similarity[0]);
                }
            }
        }
        Set<Integer> works = new HashSet<>();
        for (int i = 0; i < parent.length; i++) {
            works.add(find(parent, i));
        }

        assertThat(shingles).hasSize(expected.records());
        assertThat(works).hasSize(expected.works());
        assertThat(highestBetweenWorks).as("Jaccard of the closest two distinct works").isLessThan(0.25);
        assertThat(expected.nearCopyEdits().keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.of(NearCopy.Edit.values()).map(Enum::name).toList());
    }

    @Test
    void aThousandWorksHaveDistinctTitlesAndAbstractsOfAtLeastFiftyWords() {
        SyntheticWorks works = new SyntheticWorks(corpus, 5);
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            SyntheticWork work = works.next();
            assertThat(titles.add(work.title().toLowerCase())).as(work.title()).isTrue();
            assertThat(work.title().split(" ").length).isGreaterThanOrEqualTo(6);
            assertThat(work.abstractText().split(" ").length).isGreaterThanOrEqualTo(SyntheticWorks.MIN_WORDS);
            assertThat(works.get(i)).isEqualTo(work);
        }
    }

    @Test
    void aProbeFileHoldsOnlyNewWorks() throws IOException {
        LoadGenerator generator = new LoadGenerator(corpus, new LoadSpec(2, 20, 0.1, 0.1, 1));
        generator.writeAll(dir);
        Path probe = dir.resolve("probe.jsonl");
        generator.writeProbe(probe, FileFormat.JSON_LINES, 15);

        Set<String> generated = new HashSet<>();
        for (Path file : files(dir.resolve("files"))) {
            parse(file).records.forEach(r -> generated.add(r.abstractText()));
        }
        List<ParsedRecord> probes = parse(probe).records;
        assertThat(probes).hasSize(15);
        assertThat(probes).noneMatch(r -> generated.contains(r.abstractText()));
        assertThat(new HashSet<>(probes.stream().map(ParsedRecord::title).toList())).hasSize(15);
    }

    private static Set<String> shingles(String text) {
        List<String> tokens = TextNormalizer.tokens(TextNormalizer.normalize(text));
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            out.add(tokens.get(i) + " " + tokens.get(i + 1) + " " + tokens.get(i + 2));
        }
        return out;
    }

    /** {Jaccard, containment of the smaller set in the larger}. */
    private static double[] similarity(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String s : small) {
            if (large.contains(s)) {
                common++;
            }
        }
        return new double[] {common / (double) (a.size() + b.size() - common), common / (double) small.size()};
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private record Parsed(String format, List<ParsedRecord> records, List<ParseRejection> rejections) {
    }

    private static Parsed parse(Path file) throws IOException {
        List<ParsedRecord> records = new ArrayList<>();
        List<ParseRejection> rejections = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            OpenedFile opened = FormatDetector.ofKnownFormats().open(in, file.getFileName().toString(), ReadLimits.of(100_000));
            opened.parse(new RecordSink() {
                @Override
                public void accept(ParsedRecord record) {
                    records.add(record);
                }

                @Override
                public void reject(ParseRejection rejection) {
                    rejections.add(rejection);
                }
            });
            return new Parsed(opened.formatName(), records, rejections);
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
