package io.abstractcatalog.loadtest.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a {@link LoadSpec}'s files: each record slot is an original (a new work), an exact copy (another record's
 * text, as is, usually in another file and format) or a near copy (edited by {@link NearCopy}). Slots are shuffled
 * over the files with the seed, so the same spec and corpus always give the same bytes. Only two small arrays per
 * record are held; texts are made again from (seed, work index) when a file is written.
 */
public final class LoadGenerator {

    private static final byte ORIGINAL = 0;
    private static final byte EXACT = 1;
    private static final byte NEAR = 2;

    private final Corpus corpus;
    private final LoadSpec spec;
    private final SyntheticWorks works;
    private int probes;

    public LoadGenerator(Corpus corpus, LoadSpec spec) {
        this.corpus = corpus;
        this.spec = spec;
        this.works = new SyntheticWorks(corpus, spec.seed());
    }

    public static String fileName(int file, FileFormat format) {
        return String.format("%05d.%s", file, format.extension());
    }

    /** Format of file number {@code file}: the formats take turns. */
    public static FileFormat formatOf(int file) {
        return FileFormat.values()[file % FileFormat.values().length];
    }

    /**
     * Writes the files into {@code outDir/files} and {@code outDir/expected.json}; returns what was expected.
     * Can be called once per generator (the works it makes are kept distinct from later probe files).
     */
    public Expected writeAll(Path outDir) {
        int records = spec.records();
        int[] work = new int[records];
        byte[] kind = new byte[records];
        Random random = new Random(spec.seed());
        int originals = spec.works();
        int slot = 0;
        for (int w = 0; w < originals; w++, slot++) {
            work[slot] = w;
            kind[slot] = ORIGINAL;
        }
        for (int i = 0; i < spec.exactCopies(); i++, slot++) {
            work[slot] = random.nextInt(originals);
            kind[slot] = EXACT;
        }
        for (int i = 0; i < spec.nearCopies(); i++, slot++) {
            work[slot] = random.nextInt(originals);
            kind[slot] = NEAR;
        }
        for (int i = records - 1; i > 0; i--) { // Fisher-Yates over both arrays
            int j = random.nextInt(i + 1);
            int w = work[i];
            work[i] = work[j];
            work[j] = w;
            byte k = kind[i];
            kind[i] = kind[j];
            kind[j] = k;
        }
        int copiesAtHome = separateCopiesFromOriginals(work, kind);

        // Works are made in index order first, so each gets its distinct title before any copy asks for it.
        if (works.count() != 0) {
            throw new IllegalStateException("writeAll runs once per generator");
        }
        for (int w = 0; w < originals; w++) {
            works.next();
        }
        Path filesDir = outDir.resolve("files");
        Map<String, Integer> perFormat = new TreeMap<>();
        Map<NearCopy.Edit, Integer> edits = new EnumMap<>(NearCopy.Edit.class);
        try {
            Files.createDirectories(filesDir);
            for (int f = 0; f < spec.files(); f++) {
                FileFormat format = formatOf(f);
                List<GeneratedRecord> content = new ArrayList<>(spec.recordsPerFile());
                for (int r = 0; r < spec.recordsPerFile(); r++) {
                    int at = f * spec.recordsPerFile() + r;
                    content.add(record(f, r, work[at], kind[at], edits));
                }
                writeFile(filesDir.resolve(fileName(f, format)), format, content);
                perFormat.merge(format.ingestName(), 1, Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated files under " + outDir, e);
        }
        Map<String, Integer> editCounts = new TreeMap<>();
        edits.forEach((edit, n) -> editCounts.put(edit.name(), n));
        Expected expected = new Expected(spec.seed(), spec.files(), spec.recordsPerFile(), records, originals, originals,
                spec.exactCopies(), spec.nearCopies(), perFormat, editCounts, copiesAtHome, corpus.source().toString());
        expected.write(outDir.resolve(Expected.FILE_NAME));
        return expected;
    }

    /**
     * A file of {@code records} new works, none of them seen before (for latency probes: each probe file should
     * end up as exactly that many works, findable by its name).
     */
    public void writeProbe(Path file, FileFormat format, int records) {
        List<GeneratedRecord> content = new ArrayList<>(records);
        int probe = probes++;
        for (int r = 0; r < records; r++) {
            SyntheticWork work = works.next();
            content.add(new GeneratedRecord("probe" + probe + "-" + r, work.index(), GeneratedRecord.Kind.ORIGINAL,
                    work.title(), work.abstractText(), work.authors(), work.affiliation(), work.year()));
        }
        try {
            writeFile(file, format, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private GeneratedRecord record(int file, int ordinal, int workIndex, byte kind, Map<NearCopy.Edit, Integer> edits) {
        SyntheticWork work = works.get(workIndex);
        String id = "f" + file + "-r" + ordinal;
        return switch (kind) {
            case ORIGINAL -> new GeneratedRecord(id, workIndex, GeneratedRecord.Kind.ORIGINAL, work.title(),
                    work.abstractText(), work.authors(), work.affiliation(), work.year());
            case EXACT -> new GeneratedRecord(id, workIndex, GeneratedRecord.Kind.EXACT_COPY, work.title(),
                    work.abstractText(), work.authors(), work.affiliation(), work.year());
            default -> {
                NearCopy.Result edited = NearCopy.edit(work.abstractText(),
                        new Random(SyntheticWorks.mix(spec.seed(), file, ordinal)));
                edited.edits().forEach(e -> edits.merge(e, 1, Integer::sum));
                yield new GeneratedRecord(id, workIndex, GeneratedRecord.Kind.NEAR_COPY, work.title(), edited.text(),
                        work.authors(), work.affiliation(), work.year());
            }
        };
    }

    /**
     * Moves a copy that landed in its original's file to the same place in the next file (a duplicate within one
     * file is rarer than across files). Returns how many copies still share their original's file.
     */
    private int separateCopiesFromOriginals(int[] work, byte[] kind) {
        int perFile = spec.recordsPerFile();
        int records = work.length;
        int[] home = new int[spec.works()];
        for (int i = 0; i < records; i++) {
            if (kind[i] == ORIGINAL) {
                home[work[i]] = i;
            }
        }
        if (spec.files() > 1) {
            for (int i = 0; i < records; i++) {
                if (kind[i] != ORIGINAL && home[work[i]] / perFile == i / perFile) {
                    int j = (i + perFile) % records;
                    int w = work[i];
                    work[i] = work[j];
                    work[j] = w;
                    byte k = kind[i];
                    kind[i] = kind[j];
                    kind[j] = k;
                    if (kind[i] == ORIGINAL) {
                        home[work[i]] = i;
                    }
                }
            }
        }
        int atHome = 0;
        for (int i = 0; i < records; i++) {
            if (kind[i] != ORIGINAL && home[work[i]] / perFile == i / perFile) {
                atHome++;
            }
        }
        return atHome;
    }

    /** Written under a hidden name, then renamed: a watcher never sees half a file. */
    static void writeFile(Path file, FileFormat format, List<GeneratedRecord> records) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            format.write(out, records);
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
