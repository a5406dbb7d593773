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
 */
public record MatchConfig(int shingleSize, int bands, int rows, long seed, double jaccardThreshold,
                          double containmentThreshold, int containmentMinShingles, double titleJaccardThreshold,
                          double titleConflictThreshold, int minShingles, int minExactTokens, int maxTitleYearGap, int minTitleTokens,
                          int minTitleChars, int blockCap) {

    /** Bump when band keys change meaning (shingling, hashing): keys of different versions must not meet. */
    public static final int LSH_VERSION = 1;
    /** MinHash values kept per record for verification (16 bits each); the first bands × rows also make the bands. */
    public static final int SIGNATURE_SIZE = 256;

    public static final MatchConfig DEFAULTS = new MatchConfig(3, 32, 3, 0x5eed_ab57_2026L, 0.5,
            0.9, 30, 0.2, 0.2, 8, 5, 1, 4, 20, 100);

    public MatchConfig {
        if (bands * rows > SIGNATURE_SIZE || bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands × rows must be in 1.." + SIGNATURE_SIZE + ": " + bands + "×" + rows);
        }
        if (shingleSize < 1 || blockCap < 2) {
            throw new IllegalArgumentException("shingleSize ≥ 1 and blockCap ≥ 2 required");
        }
    }

    public MatchConfig withLsh(int bands, int rows) {
        return new MatchConfig(shingleSize, bands, rows, seed, jaccardThreshold, containmentThreshold,
                containmentMinShingles, titleJaccardThreshold, titleConflictThreshold, minShingles, minExactTokens, maxTitleYearGap,
                minTitleTokens, minTitleChars, blockCap);
    }

    public MatchConfig withThresholds(double jaccard, double containment, double titleJaccard) {
        return new MatchConfig(shingleSize, bands, rows, seed, jaccard, containment, containmentMinShingles,
                titleJaccard, titleConflictThreshold, minShingles, minExactTokens, maxTitleYearGap, minTitleTokens, minTitleChars, blockCap);
    }

    public MatchConfig withTitleConflict(double threshold) {
        return new MatchConfig(shingleSize, bands, rows, seed, jaccardThreshold, containmentThreshold, containmentMinShingles,
                titleJaccardThreshold, threshold, minShingles, minExactTokens, maxTitleYearGap, minTitleTokens, minTitleChars, blockCap);
    }

    public MatchConfig withShingleSize(int size) {
        return new MatchConfig(size, bands, rows, seed, jaccardThreshold, containmentThreshold, containmentMinShingles,
                titleJaccardThreshold, titleConflictThreshold, minShingles, minExactTokens, maxTitleYearGap, minTitleTokens, minTitleChars, blockCap);
    }

    public MatchConfig withBlockCap(int cap) {
        return new MatchConfig(shingleSize, bands, rows, seed, jaccardThreshold, containmentThreshold, containmentMinShingles,
                titleJaccardThreshold, titleConflictThreshold, minShingles, minExactTokens, maxTitleYearGap, minTitleTokens, minTitleChars, cap);
    }
}
