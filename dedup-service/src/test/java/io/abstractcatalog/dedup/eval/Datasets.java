package io.abstractcatalog.dedup.eval;

import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.RecordIdentity;
import io.abstractcatalog.contract.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The labelled sets: bib-dedupe (real gold clusters), a synthetic near-duplicate set from arXiv, the sample files. */
public final class Datasets {

    static final Instant INGESTED = Instant.parse("2026-11-23T10:00:00Z");
    static final List<String> SAMPLE_FILES = List.of("000_763c6eb23b8e6730.txt", "001_404e3f05a329715c.txt",
            "002_92fc8e9ffcbc002e.txt", "003_4445a41d3cddc1a5.txt", "004_cbec915a805da14a.txt");

    private Datasets() {
    }

    /** bib-dedupe's digital-work export; {@code withAbstractsOnly} keeps the 1,606 records that have an abstract. */
    static LabelledSet bibDedupe(Path evalDir, boolean withAbstractsOnly) throws IOException {
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
            if (withAbstractsOnly && abstractText.isBlank()) {
                continue;
            }
            Integer year = null;
            try {
                year = Integer.valueOf(row.get("year").strip());
            } catch (NumberFormatException e) {
                // no year
            }
            records.add(record(row.get("ID"), "bib-dedupe", row.get("title"), abstractText, blankToNull(row.get("doi")),
                    null, year));
        }
        return new LabelledSet(withAbstractsOnly ? "bib-dedupe, records with abstracts" : "bib-dedupe, all records",
                records, gold);
    }

    /** The arXiv sample with generated near-duplicates ({@link SyntheticDuplicates}). */
    static LabelledSet arxivSynthetic(Path evalDir, long seed) throws IOException {
        List<Map<String, String>> rows = Csv.read(evalDir.resolve("arxiv-oai-sample").resolve("arxiv_data.csv"));
        return SyntheticDuplicates.generate(rows, seed);
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
