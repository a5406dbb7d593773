package io.abstractcatalog.dedup.cluster;

import io.abstractcatalog.dedup.match.RecordSummary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A record in the union-find forest: its parent (itself for a root), its summary, for verifying candidates, and the
 * accepted match edges it owns: the ids of the larger records the matcher joined it with, sorted. Every accepted
 * edge is kept once, on its smaller record's node, so a candidate delivered twice (two block partitions, a replay)
 * is counted once; and a component's edges are the edges of its members' nodes (what corrections need to split a
 * component, the decisions being a pure function of the two summaries). Entries written before read as none.
 */
public record NodeState(String parent, RecordSummary summary, List<String> matched) {

    public NodeState {
        matched = matched == null ? List.of() : List.copyOf(matched);
    }

    public NodeState(String parent, RecordSummary summary) {
        this(parent, summary, List.of());
    }

    public NodeState withParent(String newParent) {
        return new NodeState(newParent, summary, matched);
    }

    public boolean hasMatched(String larger) {
        return Collections.binarySearch(matched, larger) >= 0;
    }

    /** This node with an accepted edge to {@code larger} (a record id greater than its own). */
    public NodeState withMatched(String larger) {
        int at = Collections.binarySearch(matched, larger);
        if (at >= 0) {
            return this;
        }
        List<String> next = new ArrayList<>(matched.size() + 1);
        next.addAll(matched);
        next.add(-at - 1, larger);
        return new NodeState(parent, summary, next);
    }
}
