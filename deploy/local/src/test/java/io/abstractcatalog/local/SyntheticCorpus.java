package io.abstractcatalog.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.abstractcatalog.contract.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A seeded, reproducible bucket of a few thousand records in three formats (affiliation pages, JSON Lines, CSV),
 * whose duplicates are planted on purpose: exact copies and near copies (two words changed) of earlier records,
 * in another file and format. Abstracts are drawn from a word-pair chain over the sample abstracts, so they read
 * like the real ones, while every fourth word is picked at random, so no two unrelated abstracts come near the
 * matching threshold. {@link #expectedGroups()} is the partition of records into works that dedup must find.
 */
final class SyntheticCorpus {

    /** One record's place in the bucket: file name and 0-based ordinal, as the catalog's sources show it. */
    record Place(String file, int ordinal) implements Comparable<Place> {
        @Override
        public int compareTo(Place other) {
            int byFile = file.compareTo(other.file);
            return byFile != 0 ? byFile : Integer.compare(ordinal, other.ordinal);
        }

        @Override
        public String toString() {
            return file + "#" + ordinal;
        }
    }

    /** A paper as its records give it: a copy is the same paper, so it keeps the paper's authors. */
    private record Paper(String title, String abstractText, List<String> authors) {
    }

    private enum Format { AFFILIATION_PAGE, JSON_LINES, CSV }

    private final Random random;
    private final List<String> tokens;
    private final Map<String, List<String>> successors;
    private final List<String> starters;
    private final Map<String, List<String>> files = new HashMap<>();
    private final List<Set<Place>> groups = new ArrayList<>();
    private int records;

    private SyntheticCorpus(long seed, List<String> sampleAbstracts) {
        this.random = new Random(seed);
        this.tokens = sampleAbstracts.stream().flatMap(a -> Stream.of(a.split("\\s+"))).filter(t -> !t.isBlank()).toList();
        this.successors = new HashMap<>();
        List<String> starts = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            successors.computeIfAbsent(tokens.get(i), k -> new ArrayList<>()).add(tokens.get(i + 1));
            if (tokens.get(i).endsWith(".") && Character.isUpperCase(tokens.get(i + 1).charAt(0))) {
                starts.add(tokens.get(i + 1));
            }
        }
        this.starters = starts;
    }

    /**
     * {@code filesPerFormat} files of each of the three formats, {@code recordsPerFile} records each; after the first
     * file, every file's last {@code duplicatesPerFile} records copy earlier records: half exactly, half nearly.
     */
    static SyntheticCorpus generate(long seed, Path samples, int filesPerFormat, int recordsPerFile, int duplicatesPerFile) {
        SyntheticCorpus corpus = new SyntheticCorpus(seed, sampleAbstracts(samples));
        corpus.build(filesPerFormat, recordsPerFile, duplicatesPerFile);
        return corpus;
    }

    /** Writes the files into {@code bucket}, each complete before it appears (written aside, then renamed). */
    void writeTo(Path bucket) {
        try {
            Files.createDirectories(bucket);
            for (String name : new TreeSet<>(files.keySet())) {
                Path part = bucket.resolve(name + ".part");
                Files.write(part, files.get(name), StandardCharsets.UTF_8);
                Files.move(part, bucket.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the corpus into " + bucket, e);
        }
    }

    int records() {
        return records;
    }

    int files() {
        return files.size();
    }

    /** Every work the catalog must hold, as the places of its member records. */
    List<Set<Place>> expectedGroups() {
        return groups;
    }

    int expectedWorks() {
        return groups.size();
    }

    long expectedWorksWithDuplicates() {
        return groups.stream().filter(g -> g.size() > 1).count();
    }

    private void build(int filesPerFormat, int recordsPerFile, int duplicatesPerFile) {
        List<Paper> papers = new ArrayList<>();
        List<Set<Place>> groupOfPaper = new ArrayList<>();
        int fileIndex = 0;
        for (int n = 1; n <= filesPerFormat; n++) {
            for (Format format : Format.values()) {
                String name = "%02d_%s".formatted(fileIndex, switch (format) {
                    case AFFILIATION_PAGE -> "institute-" + n + ".txt";
                    case JSON_LINES -> "export-" + n + ".jsonl";
                    case CSV -> "listing-" + n + ".csv";
                });
                List<String> lines = new ArrayList<>();
                switch (format) {
                    case AFFILIATION_PAGE -> lines.add("Institute of Synthetic Studies " + n);
                    case CSV -> lines.add("id,title,abstract,authors");
                    case JSON_LINES -> { }
                }
                int duplicates = fileIndex == 0 ? 0 : duplicatesPerFile;
                int earlierPapers = papers.size();
                for (int ordinal = 0; ordinal < recordsPerFile; ordinal++) {
                    Place place = new Place(name, ordinal);
                    Paper paper;
                    if (ordinal >= recordsPerFile - duplicates) {
                        // a copy of a paper from an earlier file; every other one with two words changed
                        int original = random.nextInt(earlierPapers);
                        Paper source = papers.get(original);
                        paper = ordinal % 2 == 0 ? source
                                : new Paper(source.title(), nearCopy(source.abstractText()), source.authors());
                        groupOfPaper.get(original).add(place);
                    } else {
                        paper = new Paper(title(), abstractText(),
                                List.of("Author " + (ordinal % 97), "Coauthor " + (ordinal % 89)));
                        papers.add(paper);
                        Set<Place> group = new TreeSet<>();
                        group.add(place);
                        groupOfPaper.add(group);
                    }
                    lines.add(line(format, name, ordinal, paper));
                    records++;
                }
                files.put(name, lines);
                fileIndex++;
            }
        }
        groups.addAll(groupOfPaper);
    }

    private static String line(Format format, String file, int ordinal, Paper paper) {
        String id = file.substring(0, 2) + "-" + ordinal;
        return switch (format) {
            case AFFILIATION_PAGE -> "Abstract:" + paper.abstractText();
            case JSON_LINES -> {
                ObjectNode json = EventJson.MAPPER.createObjectNode();
                json.put("id", id).put("title", paper.title()).put("abstract", paper.abstractText());
                paper.authors().forEach(json.putArray("authors")::add);
                yield json.toString();
            }
            case CSV -> String.join(",", id, quoted(paper.title()), quoted(paper.abstractText()),
                    quoted(String.join("; ", paper.authors())));
        };
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private String abstractText() {
        int length = 70 + random.nextInt(80);
        StringBuilder text = new StringBuilder();
        String word = starters.get(random.nextInt(starters.size()));
        for (int i = 0; i < length; i++) {
            text.append(i == 0 ? "" : " ").append(word);
            List<String> next = successors.get(word);
            word = next == null || i % 4 == 3 ? tokens.get(random.nextInt(tokens.size())) : next.get(random.nextInt(next.size()));
        }
        char last = text.charAt(text.length() - 1);
        return last == '.' ? text.toString() : text.append('.').toString();
    }

    private String title() {
        List<String> words = new ArrayList<>();
        while (words.size() < 5 + random.nextInt(6)) {
            String word = tokens.get(random.nextInt(tokens.size())).replaceAll("[^\\p{L}\\p{N}-]", "");
            if (word.length() > 2) {
                words.add(Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
        }
        return String.join(" ", words);
    }

    /** The same abstract with two words replaced: a revised copy, well above the matching threshold. */
    private String nearCopy(String text) {
        String[] words = text.split(" ");
        for (int changed = 0; changed < 2; changed++) {
            int at = 1 + random.nextInt(words.length - 2);
            words[at] = tokens.get(random.nextInt(tokens.size()));
        }
        return String.join(" ", words);
    }

    /** The abstracts of the sample pages: {@code Abstract:} records and the long lines of the trending page. */
    private static List<String> sampleAbstracts(Path samples) {
        try (Stream<Path> files = Files.list(samples)) {
            List<String> abstracts = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String text = line.startsWith("Abstract:") ? line.substring("Abstract:".length()) : line;
                    if (text.length() > 300) {
                        abstracts.add(text.strip());
                    }
                }
            }
            return abstracts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the samples in " + samples, e);
        }
    }

    @Override
    public String toString() {
        return records + " records in " + files.size() + " files, " + expectedWorks() + " works expected, "
                + expectedWorksWithDuplicates() + " of them with duplicates ("
                + groups.stream().filter(g -> g.size() > 2).count() + " with three or more members)";
    }

    /** The groups as text, for assertion messages. */
    static String describe(Set<Place> group) {
        return group.stream().map(Place::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
