package io.abstractcatalog.dedup.match;

import io.abstractcatalog.contract.WorkMatch;
import java.util.Comparator;

/**
 * A pair of records the matcher accepted, {@code a} the smaller record id, with its decision. Ordered canonically
 * (by {@code a}, then {@code b}), so "the first n pairs of a work" is a function of the work's records alone.
 */
public record MatchedPair(String a, String b, PairDecision decision) implements Comparable<MatchedPair> {

    private static final Comparator<MatchedPair> CANONICAL = Comparator.comparing(MatchedPair::a).thenComparing(MatchedPair::b);

    public MatchedPair {
        if (a.compareTo(b) >= 0) {
            throw new IllegalArgumentException("a pair lists its smaller record id first: " + a + ", " + b);
        }
    }

    /** The pair of {@code x} and {@code y}, whichever is smaller first. */
    public static MatchedPair of(String x, String y, PairDecision decision) {
        return x.compareTo(y) < 0 ? new MatchedPair(x, y, decision) : new MatchedPair(y, x, decision);
    }

    @Override
    public int compareTo(MatchedPair other) {
        return CANONICAL.compare(this, other);
    }

    /** As the work event publishes it. */
    public WorkMatch published() {
        PairDecision d = decision;
        return new WorkMatch(a, b, d.rule().name(), d.identifier(), d.abstractJaccard(), d.containment(), d.sameOpening(),
                d.titleRelation() == null ? null : d.titleRelation().name(), d.titleGeneric(), d.sharedAuthors(),
                d.authorsA(), d.authorsB(), d.yearA(), d.yearB(), d.sameVenue(), d.matcherVersion());
    }
}
