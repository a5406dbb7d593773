package io.abstractcatalog.dedup.match;

/**
 * Every tunable of blocking and matching. The defaults are measured (see the README, "Match quality"): run
 * {@code io.abstractcatalog.dedup.eval.MatchEvaluation} to re-measure after a change.
 *
 * @param shingleSize             words per shingle
 * @param bands                   LSH bands; a pair with Jaccard J becomes a candidate with probability 1-(1-J^rows)^bands
 * @param rows                    MinHash values per band
 * @param seed                    MinHash seed: part of the LSH key version, as is {@link #LSH_VERSION}
 * @param jaccardThreshold        abstracts at least this similar (estimated shingle Jaccard) are one work
 * @param containmentThreshold    ... or when the shorter abstract lies this much inside the longer (truncation,
 *                                dropped sentences), provided it has {@code containmentMinShingles} shingles
 * @param containmentMinShingles  see above
 * @param titleJaccardThreshold   with the same (guarded) title, abstracts need only be this similar
 * @param titleConflictThreshold  two titles (each at least {@code minTitleTokens} words) sharing less than this
 *                                share of their words veto every match but an identifier
 * @param minShingles             shorter abstracts match only through an identifier, an exact copy or the title
 * @param minExactTokens          an exact copy of a shorter abstract is not evidence of anything
 * @param maxTitleYearGap         title-only matches need years at most this far apart (when both are known)
 * @param minTitleTokens          a title key needs this many words ...
 * @param minTitleChars           ... and this many characters, and must not be generic ("Editorial")
 * @param blockCap                members kept per block; a block beyond it is oversized (counted, not grown)
 * @param maxYearGap              records further apart in years are two works unless an identifier joins them
 * @param titleSimilarThreshold   two titles sharing at least this share of their words are similar
 * @param openingTokens           an abstract's opening: its first this many words (a cut copy keeps them)
 * @param openingJaccardThreshold two abstracts with the same opening need only this Jaccard (cut, revised copies)
 */
public record MatchConfig(int shingleSize, int bands, int rows, long seed, double jaccardThreshold,
                          double containmentThreshold, int containmentMinShingles, double titleJaccardThreshold,
                          double titleConflictThreshold, int minShingles, int minExactTokens, int maxTitleYearGap, int minTitleTokens,
                          int minTitleChars, int blockCap, int maxYearGap, double titleSimilarThreshold,
                          int openingTokens, double openingJaccardThreshold) {

    /** Bump when band keys change meaning (shingling, hashing): keys of different versions must not meet. */
    public static final int LSH_VERSION = 1;
    /** MinHash values kept per record for verification (16 bits each); the first bands × rows also make the bands. */
    public static final int SIGNATURE_SIZE = 256;

    /** The measured defaults: the one place they are stated (the service's {@code dedup.*} keys only override). */
    public static final MatchConfig DEFAULTS = new Builder()
            .shingleSize(3).bands(32).rows(3).seed(0x5eed_ab57_2026L)
            .jaccardThreshold(0.5).containmentThreshold(0.9).containmentMinShingles(30)
            .titleJaccardThreshold(0.2).titleConflictThreshold(0.2)
            .minShingles(8).minExactTokens(5).maxTitleYearGap(1).minTitleTokens(4).minTitleChars(20)
            .blockCap(100).maxYearGap(3).titleSimilarThreshold(0.85).openingTokens(12).openingJaccardThreshold(0.2)
            .build();

    public MatchConfig {
        if (bands * rows > SIGNATURE_SIZE || bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands × rows must be in 1.." + SIGNATURE_SIZE + ": " + bands + "×" + rows);
        }
        if (shingleSize < 1 || blockCap < 2 || openingTokens < 1) {
            throw new IllegalArgumentException("shingleSize ≥ 1, blockCap ≥ 2 and openingTokens ≥ 1 required");
        }
    }

    /** A builder starting from {@link #DEFAULTS}. */
    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().shingleSize(shingleSize).bands(bands).rows(rows).seed(seed)
                .jaccardThreshold(jaccardThreshold).containmentThreshold(containmentThreshold)
                .containmentMinShingles(containmentMinShingles).titleJaccardThreshold(titleJaccardThreshold)
                .titleConflictThreshold(titleConflictThreshold).minShingles(minShingles).minExactTokens(minExactTokens)
                .maxTitleYearGap(maxTitleYearGap).minTitleTokens(minTitleTokens).minTitleChars(minTitleChars)
                .blockCap(blockCap).maxYearGap(maxYearGap).titleSimilarThreshold(titleSimilarThreshold)
                .openingTokens(openingTokens).openingJaccardThreshold(openingJaccardThreshold);
    }

    /** Sets the tunables by name; {@link #build()} checks them as the constructor does. */
    public static final class Builder {

        private int shingleSize;
        private int bands;
        private int rows;
        private long seed;
        private double jaccardThreshold;
        private double containmentThreshold;
        private int containmentMinShingles;
        private double titleJaccardThreshold;
        private double titleConflictThreshold;
        private int minShingles;
        private int minExactTokens;
        private int maxTitleYearGap;
        private int minTitleTokens;
        private int minTitleChars;
        private int blockCap;
        private int maxYearGap;
        private double titleSimilarThreshold;
        private int openingTokens;
        private double openingJaccardThreshold;

        private Builder() {
        }

        public Builder shingleSize(int shingleSize) {
            this.shingleSize = shingleSize;
            return this;
        }

        public Builder bands(int bands) {
            this.bands = bands;
            return this;
        }

        public Builder rows(int rows) {
            this.rows = rows;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder jaccardThreshold(double jaccardThreshold) {
            this.jaccardThreshold = jaccardThreshold;
            return this;
        }

        public Builder containmentThreshold(double containmentThreshold) {
            this.containmentThreshold = containmentThreshold;
            return this;
        }

        public Builder containmentMinShingles(int containmentMinShingles) {
            this.containmentMinShingles = containmentMinShingles;
            return this;
        }

        public Builder titleJaccardThreshold(double titleJaccardThreshold) {
            this.titleJaccardThreshold = titleJaccardThreshold;
            return this;
        }

        public Builder titleConflictThreshold(double titleConflictThreshold) {
            this.titleConflictThreshold = titleConflictThreshold;
            return this;
        }

        public Builder minShingles(int minShingles) {
            this.minShingles = minShingles;
            return this;
        }

        public Builder minExactTokens(int minExactTokens) {
            this.minExactTokens = minExactTokens;
            return this;
        }

        public Builder maxTitleYearGap(int maxTitleYearGap) {
            this.maxTitleYearGap = maxTitleYearGap;
            return this;
        }

        public Builder minTitleTokens(int minTitleTokens) {
            this.minTitleTokens = minTitleTokens;
            return this;
        }

        public Builder minTitleChars(int minTitleChars) {
            this.minTitleChars = minTitleChars;
            return this;
        }

        public Builder blockCap(int blockCap) {
            this.blockCap = blockCap;
            return this;
        }

        public Builder maxYearGap(int maxYearGap) {
            this.maxYearGap = maxYearGap;
            return this;
        }

        public Builder titleSimilarThreshold(double titleSimilarThreshold) {
            this.titleSimilarThreshold = titleSimilarThreshold;
            return this;
        }

        public Builder openingTokens(int openingTokens) {
            this.openingTokens = openingTokens;
            return this;
        }

        public Builder openingJaccardThreshold(double openingJaccardThreshold) {
            this.openingJaccardThreshold = openingJaccardThreshold;
            return this;
        }

        public MatchConfig build() {
            return new MatchConfig(shingleSize, bands, rows, seed, jaccardThreshold, containmentThreshold,
                    containmentMinShingles, titleJaccardThreshold, titleConflictThreshold, minShingles, minExactTokens,
                    maxTitleYearGap, minTitleTokens, minTitleChars, blockCap, maxYearGap, titleSimilarThreshold,
                    openingTokens, openingJaccardThreshold);
        }
    }
}
