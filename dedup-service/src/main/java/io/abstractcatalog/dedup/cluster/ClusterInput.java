package io.abstractcatalog.dedup.cluster;

import io.abstractcatalog.dedup.match.RecordSummary;
import io.abstractcatalog.dedup.merge.Member;

/**
 * What the cluster stage consumes, one shape: a record arrived ({@code member} and {@code summary} set), or a
 * block brought two records together ({@code a} and {@code b} set, {@code a < b}) and they need verifying.
 */
public record ClusterInput(Member member, RecordSummary summary, String a, String b) {

    public static ClusterInput node(Member member, RecordSummary summary) {
        return new ClusterInput(member, summary, null, null);
    }

    public static ClusterInput candidate(String x, String y) {
        return x.compareTo(y) < 0 ? new ClusterInput(null, null, x, y) : new ClusterInput(null, null, y, x);
    }

    public boolean isNode() {
        return member != null;
    }
}
