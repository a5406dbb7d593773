package io.abstractcatalog.ingest.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes large, deterministic test files of abstracts (same arguments, same bytes): JSON Lines or affiliation pages.
 * Abstracts are made of words from a small vocabulary, about 1 KB each, every one different (it names its index).
 */
public final class LargeFileGenerator {

    public enum Format { JSONL, AFFILIATION_PAGE }

    private static final String[] WORDS = ("we study the problem of learning sparse graph models under noise and show that "
            + "a simple convex relaxation recovers structure with high probability transformer attention bounds theorem "
            + "experiments demonstrate improved accuracy on benchmark datasets while reducing computational cost quantum "
            + "spectral kernel estimator regret online convergence rate stochastic gradient descent network protein "
            + "galaxy cluster dark matter simulation boundary condition partial differential equation").split(" ");

    private LargeFileGenerator() {
    }

    /** What was written. */
    public record Written(Path file, long bytes, long records, long rejections) {
    }

    /**
     * Writes records until the file holds at least {@code targetBytes}.
     *
     * @param badEvery every {@code badEvery}-th candidate is a bad one (a JSON line without abstract; for pages an
     *                 over-long line is not generated, so 0 is advised there); 0: none
     */
    public static Written write(Path file, Format format, long targetBytes, int badEvery, long seed) throws IOException {
        return write(file, format, targetBytes, Long.MAX_VALUE, badEvery, seed);
    }

    /** Writes exactly {@code candidates} records and bad candidates. */
    public static Written writeLines(Path file, Format format, long candidates, int badEvery, long seed) throws IOException {
        return write(file, format, Long.MAX_VALUE, candidates, badEvery, seed);
    }

    private static Written write(Path file, Format format, long targetBytes, long maxCandidates, int badEvery, long seed)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long records = 0;
        long rejections = 0;
        StringBuilder text = new StringBuilder(2048);
        long written = 0;
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            if (format == Format.AFFILIATION_PAGE) {
                written += write(writer, "Institute of Generated Abstracts, Benchmark City\n");
            }
            for (long i = 0; written < targetBytes && i < maxCandidates; i++) {
                boolean bad = badEvery > 0 && format == Format.JSONL && i % badEvery == badEvery - 1;
                text.setLength(0);
                text.append("Record ").append(i).append(':');
                int words = 140 + random.nextInt(40);
                for (int w = 0; w < words; w++) {
                    text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
                }
                text.append('.');
                if (format == Format.JSONL) {
                    if (bad) {
                        written += write(writer, "{\"id\": \"gen-" + i + "\", \"title\": \"a record without abstract\"}\n");
                        rejections++;
                    } else {
                        written += write(writer, "{\"id\": \"gen-" + i + "\", \"title\": \"Generated paper " + i + "\", \"abstract\": \""
                                + text + "\", \"authors\": [\"A. Author\", \"B. Author\"], \"affiliations\": [\"Benchmark University\"], \"year\": "
                                + (1990 + i % 35) + "}\n");
                        records++;
                    }
                } else {
                    written += write(writer, "Abstract:" + text + "\n");
                    records++;
                }
            }
        }
        return new Written(file, written, records, rejections);
    }

    /** Everything generated is ASCII: one byte per character. */
    private static int write(Writer writer, String line) throws IOException {
        writer.write(line);
        return line.length();
    }
}
