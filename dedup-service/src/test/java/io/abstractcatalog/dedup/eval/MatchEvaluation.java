package io.abstractcatalog.dedup.eval;

import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.dedup.match.MatchConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import io.abstractcatalog.dedup.match.PairMatcher;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.Map;

/**
 * The measurement command: runs blocking + matching + clustering ({@link InMemoryResolver}, the topology's own
 * functions) on labelled data and prints pairwise precision, recall and F1 per set.
 *
 * <pre>
 * java -cp "$(cat dedup-service/target/classpath.txt):dedup-service/target/classes:dedup-service/target/test-classes" \
 *     io.abstractcatalog.dedup.eval.MatchEvaluation ../shared/eval [--sweep[=opening,jaccard,…]]
 * </pre>
 * (see the README for how to write {@code classpath.txt}). {@code --sweep} also prints the measurements behind
 * the defaults: F1 per set for each LSH bands × rows and each threshold. {@code --explain} prints the false edges,
 * missed pairs and false pairs with each pair's decision and evidence. Per set it prints pairwise P / R / F1 and per
 * rule the decisions taken, the pairs joined and their precision.
 */
public final class MatchEvaluation {

    private MatchEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: MatchEvaluation <eval dir, e.g. ../shared/eval> [--sweep] [--explain]");
            System.exit(2);
        }
        Path evalDir = Path.of(args[0]);
        // --sweep tries every knob; --sweep=opening,jaccard only those groups (see sweep)
        String sweep = List.of(args).stream().filter(a -> a.equals("--sweep") || a.startsWith("--sweep="))
                .map(a -> a.equals("--sweep") ? "" : a.substring("--sweep=".length())).findFirst().orElse(null);
        List<LabelledSet> sets = List.of(
                Datasets.bibDedupe(evalDir, Datasets.Abstracts.ALL),
                Datasets.bibDedupe(evalDir, Datasets.Abstracts.WITH),
                Datasets.bibDedupe(evalDir, Datasets.Abstracts.WITHOUT),
                Datasets.arxivSynthetic(evalDir, 42),
                Datasets.samples());
        MatchConfig config = MatchConfig.DEFAULTS;
        System.out.printf("defaults: %s%n%n", config);
        for (LabelledSet set : sets) {
            long start = System.nanoTime();
            InMemoryResolver resolver = run(set, config);
            PairwiseScore score = score(set, resolver);
            System.out.printf("%-55s records=%5d predicted clusters=%5d  %s  [%d ms]%n", set.name(), set.records().size(),
                    resolver.clusters().size(), score, (System.nanoTime() - start) / 1_000_000);
            System.out.printf("    candidates=%d blocks=%d capped=%d%n", resolver.candidates(), resolver.blockCount(),
                    resolver.cappedMembers());
            rules(set, resolver);
        }
        if (List.of(args).contains("--explain")) {
            for (LabelledSet set : sets) {
                explain(set, config);
            }
        }
        if (sweep != null) {
            sweep(sets, config, sweep.isEmpty() ? Set.of() : Set.of(sweep.split(",")));
        }
    }

    /**
     * Per rule: the decisions it took, the pairs it joined (edges of the union-find) and their precision on the
     * labelled set (an edge is true when both records are in one gold cluster).
     */
    private static void rules(LabelledSet set, InMemoryResolver resolver) {
        Map<PairMatcher.Rule, long[]> joined = new EnumMap<>(PairMatcher.Rule.class);
        for (InMemoryResolver.Edge edge : resolver.edges()) {
            long[] counts = joined.computeIfAbsent(edge.decision().rule(), r -> new long[2]);
            counts[0]++;
            counts[1] += sameGold(set, edge.a(), edge.b()) ? 1 : 0;
        }
        StringBuilder line = new StringBuilder("    rule: decisions / joined / precision —");
        for (PairMatcher.Rule rule : PairMatcher.Rule.values()) {
            int decided = resolver.decisions().getOrDefault(rule, 0);
            long[] counts = joined.get(rule);
            if (decided == 0) {
                continue;
            }
            line.append(counts == null ? String.format(" %s %d;", rule, decided)
                    : String.format(" %s %d / %d / %.3f;", rule, decided, counts[0], (double) counts[1] / counts[0]));
        }
        System.out.println(line);
    }

    private static boolean sameGold(LabelledSet set, String a, String b) {
        return set.gold().getOrDefault(a, a).equals(set.gold().getOrDefault(b, b));
    }

    static InMemoryResolver run(LabelledSet set, MatchConfig config) {
        InMemoryResolver resolver = new InMemoryResolver(config);
        set.records().forEach(resolver::add);
        return resolver;
    }

    static PairwiseScore score(LabelledSet set, InMemoryResolver resolver) {
        Map<String, String> gold = set.gold();
        return PairwiseScore.of(resolver.roots(), gold);
    }

    /** Tries each knob's values with the others at {@code base}; {@code groups} names the knobs to try (empty: all). */
    private static void sweep(List<LabelledSet> sets, MatchConfig base, Set<String> groups) {
        System.out.printf("%nsweep (F1 / false pairs per set: %s)%n", sets.stream().map(LabelledSet::name).toList());
        Map<String, List<MatchConfig>> knobs = new LinkedHashMap<>();
        // the evidence knobs first (added with matcher version 2), then the text knobs
        for (int y : new int[] {1, 2, 3, 5, 100}) {
            knobs.computeIfAbsent("year", k -> new ArrayList<>()).add(base.toBuilder().maxYearGap(y).build());
        }
        for (double t : new double[] {0.7, 0.75, 0.8, 0.85, 0.9, 1.1}) {
            knobs.computeIfAbsent("title-similar", k -> new ArrayList<>()).add(base.toBuilder().titleSimilarThreshold(t).build());
        }
        // the opening words: both the open: blocking key and the SAME_OPENING rule (100,000 words: never the same)
        for (int o : new int[] {8, 12, 16, 24, 100_000}) {
            knobs.computeIfAbsent("opening", k -> new ArrayList<>()).add(base.toBuilder().openingTokens(o).build());
        }
        for (double j : new double[] {0.0, 0.1, 0.2, 0.3, 0.4}) {
            knobs.computeIfAbsent("opening-jaccard", k -> new ArrayList<>()).add(base.toBuilder().openingJaccardThreshold(j).build());
        }
        int[][] lsh = {{16, 4}, {20, 5}, {32, 4}, {32, 3}, {48, 3}, {64, 4}, {16, 8}, {64, 2}};
        for (int[] br : lsh) {
            knobs.computeIfAbsent("lsh", k -> new ArrayList<>()).add(base.toBuilder().bands(br[0]).rows(br[1]).build());
        }
        for (double j : new double[] {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8}) {
            knobs.computeIfAbsent("jaccard", k -> new ArrayList<>()).add(base.toBuilder().jaccardThreshold(j).build());
        }
        for (double c : new double[] {0.7, 0.8, 0.85, 0.9, 0.95, 2.0}) {
            knobs.computeIfAbsent("containment", k -> new ArrayList<>()).add(base.toBuilder().containmentThreshold(c).build());
        }
        for (double t : new double[] {0.05, 0.1, 0.2, 0.3, 0.4, 1.1}) {
            knobs.computeIfAbsent("title-jaccard", k -> new ArrayList<>()).add(base.toBuilder().titleJaccardThreshold(t).build());
        }
        for (double t : new double[] {0.0, 0.1, 0.15, 0.2, 0.3}) {
            knobs.computeIfAbsent("title-conflict", k -> new ArrayList<>()).add(base.toBuilder().titleConflictThreshold(t).build());
        }
        for (int s : new int[] {2, 3, 4, 5}) {
            knobs.computeIfAbsent("shingle", k -> new ArrayList<>()).add(base.toBuilder().shingleSize(s).build());
        }
        if (!knobs.keySet().containsAll(groups)) {
            throw new IllegalArgumentException("sweep groups are " + knobs.keySet() + ", not " + groups);
        }
        List<MatchConfig> configs = new ArrayList<>();
        knobs.forEach((group, values) -> {
            if (groups.isEmpty() || groups.contains(group)) {
                configs.addAll(values);
            }
        });
        for (MatchConfig config : configs) {
            StringBuilder line = new StringBuilder(String.format("k=%d %2dx%d J>=%.2f C>=%.2f T>=%.2f X<%.2f Y<=%d S>=%.2f O=%d OJ>=%.1f:",
                    config.shingleSize(), config.bands(), config.rows(), config.jaccardThreshold(), config.containmentThreshold(),
                    config.titleJaccardThreshold(), config.titleConflictThreshold(), config.maxYearGap(),
                    config.titleSimilarThreshold(), config.openingTokens(), config.openingJaccardThreshold()));
            long start = System.nanoTime();
            long candidates = 0;
            for (LabelledSet set : sets) {
                InMemoryResolver resolver = run(set, config);
                candidates += resolver.candidates();
                PairwiseScore score = score(set, resolver);
                line.append(String.format("  F1=%.4f (P=%.3f R=%.3f fp=%d)", score.f1(), score.precision(), score.recall(),
                        score.falsePairs()));
            }
            line.append(String.format("  candidates=%d %dms", candidates, (System.nanoTime() - start) / 1_000_000));
            System.out.println(line);
        }
    }

    /**
     * Prints, with the matcher's decision and evidence for each: the false edges (pairs a rule joined that the gold
     * clusters keep apart), the missed pairs and the false pairs of the resulting clusters.
     */
    private static void explain(LabelledSet set, MatchConfig config) {
        InMemoryResolver resolver = run(set, config);
        System.out.printf("%n== %s: false edges (the rule that joined two gold clusters)%n", set.name());
        Map<String, RawRecord> records = new java.util.HashMap<>();
        set.records().forEach(r -> records.put(r.recordId(), r));
        resolver.edges().stream().filter(e -> !sameGold(set, e.a(), e.b())).limit(60)
                .forEach(e -> print(records.get(e.a()), records.get(e.b()), config));
        Map<String, String> roots = resolver.roots();
        Map<String, RawRecord> byId = new java.util.HashMap<>();
        set.records().forEach(r -> byId.put(r.recordId(), r));
        Map<String, List<String>> byGold = new java.util.TreeMap<>();
        set.records().forEach(r -> byGold.computeIfAbsent(set.gold().getOrDefault(r.recordId(), r.recordId()), g -> new ArrayList<>()).add(r.recordId()));
        System.out.printf("%n== %s: missed pairs%n", set.name());
        int shown = 0;
        for (List<String> cluster : byGold.values()) {
            for (int i = 0; i < cluster.size(); i++) {
                for (int j = i + 1; j < cluster.size(); j++) {
                    if (!roots.get(cluster.get(i)).equals(roots.get(cluster.get(j))) && shown++ < 40) {
                        print(byId.get(cluster.get(i)), byId.get(cluster.get(j)), config);
                    }
                }
            }
        }
        System.out.printf("== %s: false pairs%n", set.name());
        shown = 0;
        for (java.util.TreeSet<String> cluster : resolver.clusters().values()) {
            List<String> ids = new ArrayList<>(cluster);
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    String gi = set.gold().getOrDefault(ids.get(i), ids.get(i));
                    String gj = set.gold().getOrDefault(ids.get(j), ids.get(j));
                    if (!gi.equals(gj) && shown++ < 40) {
                        print(byId.get(ids.get(i)), byId.get(ids.get(j)), config);
                    }
                }
            }
        }
    }

    private static void print(RawRecord a, RawRecord b, MatchConfig config) {
        var fa = io.abstractcatalog.dedup.match.RecordFeatures.of(io.abstractcatalog.dedup.normalize.NormalizedRecord.of(a), config);
        var fb = io.abstractcatalog.dedup.match.RecordFeatures.of(io.abstractcatalog.dedup.normalize.NormalizedRecord.of(b), config);
        System.out.printf("  %s | %s  %s sh=%d/%d%n    A: %s (%s, %s, %s) %s%n    B: %s (%s, %s, %s) %s%n", a.recordId(),
                b.recordId(), PairMatcher.decide(fa.summary(), fb.summary(), config), fa.summary().shingles(),
                fb.summary().shingles(), cut(a.title(), 90), a.year(), a.doi(), fa.summary().authors(),
                cut(a.abstractText(), 150), cut(b.title(), 90), b.year(), b.doi(), fb.summary().authors(),
                cut(b.abstractText(), 150));
    }

    private static String cut(String s, int n) {
        return s == null ? "-" : s.length() <= n ? s.replace('\n', ' ') : s.substring(0, n).replace('\n', ' ') + "…";
    }

    static List<RawRecord> records(LabelledSet set) {
        return set.records();
    }
}
