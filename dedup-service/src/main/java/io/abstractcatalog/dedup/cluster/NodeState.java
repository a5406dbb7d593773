package io.abstractcatalog.dedup.cluster;

import io.abstractcatalog.dedup.match.RecordSummary;

/** A record in the union-find forest: its parent (itself for a root) and its summary, for verifying candidates. */
public record NodeState(String parent, RecordSummary summary) {

    public NodeState withParent(String newParent) {
        return new NodeState(newParent, summary);
    }
}
