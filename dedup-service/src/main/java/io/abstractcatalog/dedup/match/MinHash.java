package io.abstractcatalog.dedup.match;

import java.util.Arrays;
import java.util.List;

/**
 * Word shingles and their MinHash signature. Pure and seeded: every instance computes the same values, which is
 * what lets band keys meet across partitions and restarts. Hashes are our own (FNV-1a over UTF-16 units, then
 * SplitMix64 finalization), never {@code Object.hashCode} of a mutable class or a JVM-dependent one.
 */
public final class MinHash {

    private MinHash() {
    }

    /** The distinct 64-bit hashes of the {@code size}-word shingles, sorted; a text shorter than that is one shingle. */
    public static long[] shingles(List<String> tokens, int size) {
        if (tokens.isEmpty()) {
            return new long[0];
        }
        long[] tokenHashes = new long[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            tokenHashes[i] = fnv(tokens.get(i));
        }
        int count = Math.max(1, tokens.size() - size + 1);
        long[] shingles = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = i; j < Math.min(i + size, tokens.size()); j++) {
                h = mix(h * 31 + tokenHashes[j]);
            }
            shingles[i] = h;
        }
        Arrays.sort(shingles);
        int distinct = 0;
        for (int i = 0; i < shingles.length; i++) {
            if (i == 0 || shingles[i] != shingles[i - 1]) {
                shingles[distinct++] = shingles[i];
            }
        }
        return Arrays.copyOf(shingles, distinct);
    }

    /** {@code size} minima, one per seeded hash function; all {@code Long.MAX_VALUE} for no shingles. */
    public static long[] signature(long[] shingles, int size, long seed) {
        long[] minima = new long[size];
        Arrays.fill(minima, Long.MAX_VALUE);
        long[] seeds = cachedSeeds(size, seed);
        for (long shingle : shingles) {
            for (int i = 0; i < size; i++) {
                long h = mix(shingle ^ seeds[i]) >>> 1; // non-negative, so unsigned and signed order agree
                if (h < minima[i]) {
                    minima[i] = h;
                }
            }
        }
        return minima;
    }

    /** The low 16 bits of each minimum, two bytes each: enough to estimate Jaccard (b-bit MinHash). */
    public static byte[] compact(long[] signature) {
        byte[] out = new byte[signature.length * 2];
        for (int i = 0; i < signature.length; i++) {
            out[2 * i] = (byte) (signature[i] >>> 8);
            out[2 * i + 1] = (byte) signature[i];
        }
        return out;
    }

    /**
     * Estimated Jaccard similarity of two compact signatures: the share of equal 16-bit minima, corrected for the
     * chance (2^-16) that two different minima agree in their low bits.
     */
    public static double jaccard(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length) / 2;
        if (n == 0) {
            return 0;
        }
        int equal = 0;
        for (int i = 0; i < n; i++) {
            if (a[2 * i] == b[2 * i] && a[2 * i + 1] == b[2 * i + 1]) {
                equal++;
            }
        }
        double p = (double) equal / n;
        double chance = 1.0 / 65536;
        return Math.max(0, (p - chance) / (1 - chance));
    }

    /** Hash of one band (rows {@code band*rows ..}) of a full signature, as 16 hex digits. */
    public static String bandHash(long[] signature, int band, int rows) {
        long h = 0xC2B2AE3D27D4EB4FL ^ band;
        for (int i = band * rows; i < (band + 1) * rows; i++) {
            h = mix(h * 31 + signature[i]);
        }
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }

    static long fnv(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64's finalizer: a bijective avalanche mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private record Seeds(int size, long seed, long[] values) {
    }

    private static volatile Seeds cache = new Seeds(0, 0, new long[0]);

    private static long[] cachedSeeds(int size, long seed) {
        Seeds seeds = cache;
        if (seeds.size() != size || seeds.seed() != seed) {
            seeds = new Seeds(size, seed, seeds(size, seed));
            cache = seeds;
        }
        return seeds.values();
    }

    private static long[] seeds(int size, long seed) {
        long[] seeds = new long[size];
        long s = seed;
        for (int i = 0; i < size; i++) {
            s += 0x9E3779B97F4A7C15L;
            seeds[i] = mix(s);
        }
        return seeds;
    }
}
