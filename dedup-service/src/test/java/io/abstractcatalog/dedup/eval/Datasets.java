package io.abstractcatalog.dedup.eval;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.RecordIdentity;
import io.abstractcatalog.contract.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The labelled sets: bib-dedupe (real gold clusters), a synthetic near-duplicate set from arXiv, the sample files. */
public final class Datasets {

    static final Instant INGESTED = Instant.parse("2026-11-23T10:00:00Z");
    static final List<String> SAMPLE_FILES = List.of("000_763c6eb23b8e6730.txt", "001_404e3f05a329715c.txt",
            "002_92fc8e9ffcbc002e.txt", "003_4445a41d3cddc1a5.txt", "004_cbec915a805da14a.txt");

    private Datasets() {
    }

    /** Which bib-dedupe records a set keeps. */
    enum Abstracts { ALL, WITH, WITHOUT }

    /**
     * bib-dedupe's digital-work export: all 7,159 records, the 1,606 that have an abstract, or the 5,553 without one
     * (gold pairs count only between the records a set keeps).
     */
    static LabelledSet bibDedupe(Path evalDir, Abstracts which) throws IOException {
        Path dir = evalDir.resolve("bibdedupe-digital-work");
        Map<String, String> gold = new HashMap<>();
        for (Map<String, String> row : Csv.read(dir.resolve("merged_record_ids.csv"))) {
            String[] ids = row.get("merged_ids").split(";");
            for (String id : ids) {
                gold.put(id.strip(), ids[0].strip());
            }
        }
        List<RawRecord> records = new ArrayList<>();
        for (Map<String, String> row : Csv.read(dir.resolve("records_pre_merged.csv"))) {
            String abstractText = row.get("abstract");
            if (which == Abstracts.WITH && abstractText.isBlank() || which == Abstracts.WITHOUT && !abstractText.isBlank()) {
                continue;
            }
            Integer year = null;
            try {
                year = Integer.valueOf(row.get("year").strip());
            } catch (NumberFormatException e) {
                // no year
            }
            String venue = blankToNull(row.get("journal")) != null ? row.get("journal") : blankToNull(row.get("booktitle"));
            records.add(withBibliography(record(row.get("ID"), "bib-dedupe", row.get("title"), abstractText,
                    blankToNull(row.get("doi")), null, year), bibtexAuthors(row.get("author")), venue));
        }
        String name = switch (which) {
            case ALL -> "bib-dedupe, all records";
            case WITH -> "bib-dedupe, records with abstracts";
            case WITHOUT -> "bib-dedupe, records without abstracts";
        };
        return new LabelledSet(name, records, gold);
    }

    /**
     * The arXiv sample with generated near-duplicates ({@link SyntheticDuplicates}); {@code path} is the eval folder
     * or the CSV file itself ({@code arxiv_data.csv}).
     */
    public static LabelledSet arxivSynthetic(Path path, long seed) throws IOException {
        Path csv = Files.isDirectory(path) ? path.resolve("arxiv-oai-sample").resolve("arxiv_data.csv") : path;
        return SyntheticDuplicates.generate(Csv.read(csv), seed);
    }

    /** BibTeX's "Family, Given and Family, Given and others": "others" stays, as the truncation mark it is. */
    static List<Author> bibtexAuthors(String field) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        return Stream.of(field.split("\\s+and\\s+")).map(Author::parse).toList();
    }

    static RawRecord withBibliography(RawRecord r, List<Author> authors, String venue) {
        return new RawRecord(null, r.recordId(), r.source(), r.ingestedAt(), r.title(), r.abstractText(), r.affiliations(),
                authors, r.doi(), r.arxivId(), r.year(), r.url(), blankToNull(venue), r.pmid(), r.pmcid());
    }

    /** The five sample files from test resources: 307 records; gold = the same abstract text (5 duplicate pairs). */
    public static LabelledSet samples() {
        List<RawRecord> records = new ArrayList<>();
        Map<String, String> gold = new HashMap<>();
        for (String file : SAMPLE_FILES) {
            String text = resource("/samples/" + file);
            String hash = RecordIdentity.sha256Hex(text);
            List<String> lines = text.lines().toList();
            if (file.startsWith("004")) {
                parseTrending(file, hash, lines, records, gold);
            } else {
                String affiliation = lines.isEmpty() || lines.get(0).startsWith("Abstract:") ? null : lines.get(0).strip();
                int ordinal = 0;
                for (String line : lines) {
                    if (line.startsWith("Abstract:")) {
                        RawRecord r = sampleRecord(file, hash, ordinal++, null, line, affiliation);
                        records.add(r);
                        gold.put(r.recordId(), "text:" + line.substring("Abstract:".length()).strip());
                    }
                }
            }
        }
        return new LabelledSet("sample files", records, gold);
    }

    private static final Pattern PITCH = Pattern.compile("(?i)get trending papers in your (e-?mail )?inbox.*");

    private static void parseTrending(String file, String hash, List<String> lines, List<RawRecord> records, Map<String, String> gold) {
        String title = null;
        int ordinal = 0;
        boolean header = true;
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || PITCH.matcher(text).matches()) {
                continue;
            }
            if (header) {
                text = text.replaceFirst("^Subscribe(\\s*$|\\s*(?=[^\\p{Ll}\\s]))", "").strip();
                if (text.isEmpty()) {
                    continue;
                }
                header = false;
            }
            if (title == null) {
                title = text;
            } else {
                RawRecord r = sampleRecord(file, hash, ordinal++, title, text, null);
                records.add(r);
                gold.put(r.recordId(), "text:" + text);
                title = null;
            }
        }
    }

    private static RawRecord sampleRecord(String file, String hash, int ordinal, String title, String abstractText,
                                          String affiliation) {
        return new RawRecord(null, RecordIdentity.recordId("local", file, hash, ordinal),
                new SourceRef("local", file, hash, "sample", ordinal, ordinal + 1, null), INGESTED, title, abstractText,
                affiliation == null ? List.of() : List.of(affiliation), List.of(), null, null, null, null, null, null, null);
    }

    static RawRecord record(String id, String source, String title, String abstractText, String doi, String arxiv,
                            Integer year) {
        return new RawRecord(null, id, new SourceRef(source, id, id, source, 0, 0, null), INGESTED,
                blankToNull(title), blankToNull(abstractText), List.of(), List.of(), doi, arxiv, year, null, null, null, null);
    }

    static String resource(String name) {
        try (InputStream in = Datasets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
