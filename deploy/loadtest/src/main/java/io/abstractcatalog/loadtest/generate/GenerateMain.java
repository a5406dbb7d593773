package io.abstractcatalog.loadtest.generate;

import io.abstractcatalog.loadtest.Options;
import java.nio.file.Path;
import java.util.Set;

/** {@code deploy/loadtest/generate.sh}: writes the files and expected.json, prints what the catalog should hold. */
public final class GenerateMain {

    static final String USAGE = """
            usage: generate.sh --corpus=CSV [--records=10000] [--per-file=1000] [--exact=0.05] [--near=0.10]
                               [--seed=42] [--out=deploy/loadtest/target/load]
              --corpus    CSV of real abstracts with a header naming 'abstract' (and 'title', 'authors'), e.g.
                          ../shared/eval/arxiv-oai-sample/arxiv_data.csv
              --records   records in all (rounded up to whole files); --per-file records per file
              --exact     share of records that are exact copies of another record's work (same text, other file)
              --near      share of records that are near copies (edited: dropped sentence, truncation, LaTeX/Unicode,
                          typos, hyphenation, "Abstract:" label, HTML entities)
              --out       writes OUT/files/00000.jsonl, 00001.csv, 00002.txt, … and OUT/expected.json
            """;

    private GenerateMain() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args, Set.of("corpus", "records", "per-file", "exact", "near", "seed", "out"), USAGE);
        if (!options.has("corpus")) {
            System.err.println("--corpus is required\n" + USAGE);
            System.exit(2);
        }
        LoadSpec spec = LoadSpec.of(options.count("records", 10_000), options.count("per-file", 1_000),
                options.decimal("exact", LoadSpec.DEFAULT_EXACT_SHARE), options.decimal("near", LoadSpec.DEFAULT_NEAR_SHARE),
                Long.parseLong(options.string("seed", Long.toString(LoadSpec.DEFAULT_SEED))));
        Path out = Path.of(options.string("out", Options.defaultWorkDir("load").toString())).toAbsolutePath();
        long began = System.nanoTime();
        Corpus corpus = Corpus.read(Path.of(options.string("corpus", "")));
        Expected expected = new LoadGenerator(corpus, spec).writeAll(out);
        System.out.printf("generated %,d records in %,d files (%s) from %,d real abstracts in %.1f s%n",
                expected.records(), expected.files(), expected.filesPerFormat(), corpus.entries().size(),
                (System.nanoTime() - began) / 1e9);
        System.out.printf("  originals %,d, exact copies %,d, near copies %,d (edits %s; %,d copies in their original's file)%n",
                expected.originals(), expected.exactCopies(), expected.nearCopies(), expected.nearCopyEdits(),
                expected.copiesInTheirOriginalsFile());
        System.out.printf("expected works: %,d%n", expected.works());
        System.out.println("files:    " + out.resolve("files"));
        System.out.println("expected: " + out.resolve(Expected.FILE_NAME));
    }
}
