package io.abstractcatalog.dedup.cluster;

import io.abstractcatalog.dedup.match.RecordSummary;
import io.abstractcatalog.dedup.merge.Member;
import java.util.List;

/**
 * What steps 3–5 (match + cluster + merge) consume, one shape: a record arrived ({@code member} and {@code summary} set), or blocks
 * brought record {@code recordId} together with earlier members ({@code candidates}, distinct and sorted: a pair
 * that shares twenty blocks on one partition comes once) and each pair needs verifying.
 */
public record ClusterInput(Member member, RecordSummary summary, String recordId, List<String> candidates) {

    public ClusterInput {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public static ClusterInput node(Member member, RecordSummary summary) {
        return new ClusterInput(member, summary, null, null);
    }

    public static ClusterInput candidates(String recordId, List<String> candidates) {
        return new ClusterInput(null, null, recordId, candidates);
    }

    public boolean isNode() {
        return member != null;
    }
}
