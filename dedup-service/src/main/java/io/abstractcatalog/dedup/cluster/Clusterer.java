package io.abstractcatalog.dedup.cluster;

import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.dedup.match.MatchConfig;
import io.abstractcatalog.dedup.match.MatchedPair;
import io.abstractcatalog.dedup.match.PairDecision;
import io.abstractcatalog.dedup.match.PairMatcher;
import io.abstractcatalog.dedup.merge.WorkId;
import io.abstractcatalog.dedup.merge.WorkMerger;
import io.abstractcatalog.dedup.merge.WorkState;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Steps 3–5 of the topology, match + cluster + merge: verification, union-find and the works. <b>Single-partition</b>:
 * all its input carries one key, so one task owns the whole forest (see the README for its measured limit). Three
 * changelogged stores: {@code nodes} (record id → parent and summary), {@code pending} (record id → candidates
 * waiting for that record to arrive here) and the work store (work id → members).
 *
 * <p>Why the result does not depend on arrival order: the candidate pairs are a function of the record set (blocks
 * below the cap), each candidate is verified by a pure function of the pair once both records are here (a candidate
 * that overtakes one of its records waits in {@code pending}), so the final edges — and so the components — are
 * fixed. A component's root is its smallest record id and its work id is derived from the root, so the surviving
 * ids are fixed too; when two components join the larger root's work is redirected to the smaller one's. Members
 * are merged by {@link WorkMerger}'s total order. A replayed record finds its node and changes nothing.
 *
 * <p>Why the records are one work: every candidate pair is verified, also when both records are already in one
 * component, and each accepted pair is kept once, on its smaller record's node ({@link NodeState#matched}); the work
 * counts them and keeps the first {@code WorkMatches.MAX_PAIRS} in canonical order ({@link WorkState}). A pair
 * accepted inside a component republishes the work (one version on). The accepted pairs of a work are the candidate
 * pairs the pure matcher accepts, so they, too, are fixed by the record set.
 */
public class Clusterer implements Processor<String, ClusterInput, String, WorkEvent> {

    private final String nodeStoreName;
    private final String pendingStoreName;
    private final String workStoreName;
    private final MatchConfig config;
    private ProcessorContext<String, WorkEvent> context;
    private KeyValueStore<String, NodeState> nodes;
    private KeyValueStore<String, Waiting> pending;
    private KeyValueStore<String, WorkState> works;

    public Clusterer(String nodeStoreName, String pendingStoreName, String workStoreName, MatchConfig config) {
        this.nodeStoreName = nodeStoreName;
        this.pendingStoreName = pendingStoreName;
        this.workStoreName = workStoreName;
        this.config = config;
    }

    @Override
    public void init(ProcessorContext<String, WorkEvent> context) {
        this.context = context;
        this.nodes = context.getStateStore(nodeStoreName);
        this.pending = context.getStateStore(pendingStoreName);
        this.works = context.getStateStore(workStoreName);
    }

    @Override
    public void process(Record<String, ClusterInput> record) {
        ClusterInput input = record.value();
        if (input.isNode()) {
            arrive(record, input);
        } else {
            for (String partner : input.candidates()) {
                candidate(record, input.recordId(), partner);
            }
        }
    }

    private void arrive(Record<String, ClusterInput> record, ClusterInput input) {
        String id = input.member().recordId();
        if (nodes.get(id) != null) {
            return; // a replay: the record is already part of a work
        }
        nodes.put(id, new NodeState(id, input.summary()));
        WorkState work = WorkState.empty(WorkId.ofRoot(id)).with(input.member()).orElseThrow();
        works.put(work.workId(), work);
        publish(record, WorkEvent.upserted(WorkMerger.merge(work)));
        Waiting waiting = pending.get(id);
        if (waiting != null) {
            pending.delete(id);
            for (String partner : waiting.partners()) {
                candidate(record, id, partner);
            }
        }
    }

    private void candidate(Record<String, ClusterInput> record, String a, String b) {
        NodeState nodeA = nodes.get(a);
        NodeState nodeB = nodes.get(b);
        if (nodeA == null || nodeB == null) {
            String missing = nodeA == null ? a : b;
            park(missing, missing.equals(a) ? b : a);
            return;
        }
        String smaller = a.compareTo(b) < 0 ? a : b;
        String larger = smaller.equals(a) ? b : a;
        if (smaller.equals(larger) || (smaller.equals(a) ? nodeA : nodeB).hasMatched(larger)) {
            return; // this pair was accepted before (it met in blocks on two partitions, or a replay)
        }
        // Verified even inside one component: the published pairs are all accepted pairs of a work, not the ones
        // union-find happened to need, so that they do not depend on arrival order.
        PairDecision decision = PairMatcher.decide(nodeA.summary(), nodeB.summary(), config);
        if (!decision.merged()) {
            return;
        }
        MatchedPair pair = new MatchedPair(smaller, larger, decision);
        String rootA = find(a);
        String rootB = find(b);
        nodes.put(smaller, nodes.get(smaller).withMatched(larger)); // read again: find may have moved its parent
        if (rootA.equals(rootB)) {
            WorkState work = works.get(WorkId.ofRoot(rootA)).withPair(pair);
            works.put(work.workId(), work);
            publish(record, WorkEvent.upserted(WorkMerger.merge(work)));
            return;
        }
        String winner = rootA.compareTo(rootB) < 0 ? rootA : rootB;
        String loser = winner.equals(rootA) ? rootB : rootA;
        nodes.put(loser, nodes.get(loser).withParent(winner));
        WorkState kept = works.get(WorkId.ofRoot(winner));
        WorkState gone = works.get(WorkId.ofRoot(loser));
        WorkState merged = kept.absorb(gone, pair);
        works.put(merged.workId(), merged);
        works.delete(gone.workId());
        publish(record, WorkEvent.upserted(WorkMerger.merge(merged)));
        publish(record, WorkEvent.redirected(gone.workId(), gone.version() + 1, merged.workId()));
    }

    private void park(String missing, String partner) {
        Waiting waiting = pending.get(missing);
        TreeSet<String> next = waiting == null ? new TreeSet<>() : new TreeSet<>(waiting.partners());
        if (next.add(partner)) {
            pending.put(missing, new Waiting(new ArrayList<>(next)));
        }
    }

    /** The root of {@code id}'s tree, compressing the path on the way (writes only the nodes that change). */
    private String find(String id) {
        List<String> path = new ArrayList<>();
        String current = id;
        NodeState node = nodes.get(current);
        while (!node.parent().equals(current)) {
            path.add(current);
            current = node.parent();
            node = nodes.get(current);
        }
        String root = current;
        for (int i = 0; i < path.size() - 1; i++) { // the last one already points at the root
            String child = path.get(i);
            nodes.put(child, nodes.get(child).withParent(root));
        }
        return root;
    }

    private void publish(Record<String, ClusterInput> record, WorkEvent event) {
        context.forward(record.withKey(event.workId()).withValue(event));
    }
}
