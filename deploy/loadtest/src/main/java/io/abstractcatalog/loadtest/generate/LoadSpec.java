package io.abstractcatalog.loadtest.generate;

/**
 * What to generate: {@code files} files of {@code recordsPerFile} records each, of which the shares
 * {@code exactShare} and {@code nearShare} are copies of another record's work (exact: same text; near: edited).
 */
public record LoadSpec(int files, int recordsPerFile, double exactShare, double nearShare, long seed) {

    public static final double DEFAULT_EXACT_SHARE = 0.05;
    public static final double DEFAULT_NEAR_SHARE = 0.10;
    public static final long DEFAULT_SEED = 42;

    public LoadSpec {
        if (files < 1 || recordsPerFile < 1) {
            throw new IllegalArgumentException("files and records per file must be at least 1");
        }
        if (exactShare < 0 || nearShare < 0 || exactShare + nearShare > 0.9) {
            throw new IllegalArgumentException("exact and near shares must be ≥ 0 and together at most 0.9");
        }
        if ((long) files * recordsPerFile > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many records");
        }
    }

    /** {@code records} in files of {@code recordsPerFile} (rounded up to whole files). */
    public static LoadSpec of(int records, int recordsPerFile, double exactShare, double nearShare, long seed) {
        int files = Math.max(1, (records + recordsPerFile - 1) / recordsPerFile);
        return new LoadSpec(files, recordsPerFile, exactShare, nearShare, seed);
    }

    public int records() {
        return files * recordsPerFile;
    }

    public int exactCopies() {
        return (int) Math.round(records() * exactShare);
    }

    public int nearCopies() {
        return (int) Math.round(records() * nearShare);
    }

    /** Distinct works: every record that is not a copy starts one. */
    public int works() {
        return records() - exactCopies() - nearCopies();
    }
}
