package io.abstractcatalog.dedup.eval;

import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.dedup.block.BlockingKey;
import io.abstractcatalog.dedup.match.MatchConfig;
import io.abstractcatalog.dedup.match.PairDecision;
import io.abstractcatalog.dedup.match.PairMatcher;
import io.abstractcatalog.dedup.match.RecordFeatures;
import io.abstractcatalog.dedup.match.RecordSummary;
import io.abstractcatalog.dedup.normalize.NormalizedRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The topology's blocking, matching and clustering in one process, without Kafka: the same {@link RecordFeatures},
 * block cap and {@link PairMatcher}, with union-find in memory. For measuring match quality on labelled data and for
 * checking the topology against a reference ({@code DedupTopologyTest}); test code, never run by the service.
 */
public final class InMemoryResolver {

    private final MatchConfig config;
    private final Map<String, RecordSummary> summaries = new HashMap<>();
    private final Map<String, List<String>> blocks = new HashMap<>();
    private final Map<String, String> parent = new HashMap<>();
    private final Map<PairMatcher.Rule, Integer> decisions = new EnumMap<>(PairMatcher.Rule.class);
    private final List<Edge> edges = new ArrayList<>();
    private long candidates;
    private long cappedMembers;

    public InMemoryResolver(MatchConfig config) {
        this.config = config;
    }

    public void add(RawRecord raw) {
        if (summaries.containsKey(raw.recordId())) {
            return;
        }
        RecordFeatures features = RecordFeatures.of(NormalizedRecord.of(raw), config);
        RecordSummary summary = features.summary();
        summaries.put(raw.recordId(), summary);
        parent.put(raw.recordId(), raw.recordId());
        for (BlockingKey key : features.keys()) {
            List<String> members = blocks.computeIfAbsent(key.toString(), k -> new ArrayList<>(2));
            for (String member : members) {
                candidates++;
                String rootA = find(member);
                String rootB = find(raw.recordId());
                if (!rootA.equals(rootB)) {
                    PairDecision decision = PairMatcher.decide(summaries.get(member), summary, config);
                    decisions.merge(decision.rule(), 1, Integer::sum);
                    if (decision.merged()) {
                        edges.add(new Edge(member, raw.recordId(), decision));
                        parent.put(rootA.compareTo(rootB) < 0 ? rootB : rootA, rootA.compareTo(rootB) < 0 ? rootA : rootB);
                    }
                }
            }
            if (members.size() < config.blockCap()) {
                members.add(raw.recordId());
            } else {
                cappedMembers++;
            }
        }
    }

    /** Record id → root (smallest record id of its component). */
    public Map<String, String> roots() {
        Map<String, String> roots = new TreeMap<>();
        parent.keySet().forEach(id -> roots.put(id, find(id)));
        return roots;
    }

    /** The components, each a sorted set of record ids, keyed by root. */
    public Map<String, TreeSet<String>> clusters() {
        Map<String, TreeSet<String>> clusters = new TreeMap<>();
        roots().forEach((id, root) -> clusters.computeIfAbsent(root, r -> new TreeSet<>()).add(id));
        return clusters;
    }

    /** Decisions taken (pairs verified whose records were not yet one work), per rule. */
    public Map<PairMatcher.Rule, Integer> decisions() {
        return decisions;
    }

    /** The pairs that joined two works, in the order they did, with the decision that joined them. */
    public List<Edge> edges() {
        return edges;
    }

    public record Edge(String a, String b, PairDecision decision) {
    }

    public long candidates() {
        return candidates;
    }

    public long cappedMembers() {
        return cappedMembers;
    }

    public int blockCount() {
        return blocks.size();
    }

    private String find(String id) {
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        String current = id;
        while (!current.equals(root)) {
            String next = parent.get(current);
            parent.put(current, root);
            current = next;
        }
        return root;
    }
}
