package io.abstractcatalog.dedup.eval;

import java.util.HashMap;
import java.util.Map;

/** Pairwise precision, recall and F1 of predicted clusters against gold clusters, over the same records. */
record PairwiseScore(long truePairs, long predictedPairs, long goldPairs) {

    /** @param predicted record id → predicted cluster; {@code gold} record id → gold cluster (absent: singleton) */
    static PairwiseScore of(Map<String, String> predicted, Map<String, String> gold) {
        Map<String, Long> predictedSizes = new HashMap<>();
        Map<String, Long> goldSizes = new HashMap<>();
        Map<String, Long> both = new HashMap<>();
        predicted.forEach((id, cluster) -> {
            String g = gold.getOrDefault(id, "single:" + id);
            predictedSizes.merge(cluster, 1L, Long::sum);
            goldSizes.merge(g, 1L, Long::sum);
            both.merge(cluster + "\u0000" + g, 1L, Long::sum);
        });
        return new PairwiseScore(pairs(both), pairs(predictedSizes), pairs(goldSizes));
    }

    private static long pairs(Map<String, Long> sizes) {
        return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
    }

    double precision() {
        return predictedPairs == 0 ? 1 : (double) truePairs / predictedPairs;
    }

    double recall() {
        return goldPairs == 0 ? 1 : (double) truePairs / goldPairs;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    long falsePairs() {
        return predictedPairs - truePairs;
    }

    @Override
    public String toString() {
        return String.format("P=%.4f R=%.4f F1=%.4f (tp=%d fp=%d fn=%d)", precision(), recall(), f1(), truePairs,
                falsePairs(), goldPairs - truePairs);
    }
}
