package io.abstractcatalog.dedup.merge;

import io.abstractcatalog.contract.WorkMatches;
import io.abstractcatalog.dedup.match.MatchedPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A work as the store keeps it: its id, the version last published, its members sorted by record id, and why they
 * are one work: how many pairs of members the matcher accepted ({@code matchCount}) and the first
 * {@link WorkMatches#MAX_PAIRS} of those pairs in canonical order ({@code matches}). Members and accepted pairs alone
 * determine the published work, so the same records in any order give the same work: keeping the n smallest pairs
 * under additions and unions gives the n smallest of the whole set. Entries written before the matches were kept
 * read as 0 and none.
 */
public record WorkState(String workId, long version, List<Member> members, long matchCount, List<MatchedPair> matches) {

    public WorkState {
        members = members == null ? List.of() : List.copyOf(members);
        matches = matches == null ? List.of() : List.copyOf(matches);
    }

    public static WorkState empty(String workId) {
        return new WorkState(workId, 0, List.of(), 0, List.of());
    }

    /** This work with every member and pair of {@code other} added, and the pair that joined them, one version on. */
    public WorkState absorb(WorkState other, MatchedPair joining) {
        Map<String, Member> byId = new TreeMap<>();
        members.forEach(m -> byId.put(m.recordId(), m));
        other.members().forEach(m -> byId.putIfAbsent(m.recordId(), m));
        TreeSet<MatchedPair> pairs = new TreeSet<>(matches);
        pairs.addAll(other.matches());
        pairs.add(joining);
        return new WorkState(workId, version + 1, List.copyOf(byId.values()), matchCount + other.matchCount() + 1,
                smallest(pairs));
    }

    /** This work with one more accepted pair between two of its members, one version on. */
    public WorkState withPair(MatchedPair pair) {
        TreeSet<MatchedPair> pairs = new TreeSet<>(matches);
        pairs.add(pair);
        return new WorkState(workId, version + 1, members, matchCount + 1, smallest(pairs));
    }

    /** The state with {@code member} added or replaced, or empty when it is already there as it is (a replay). */
    public Optional<WorkState> with(Member member) {
        List<Member> next = new ArrayList<>(members.size() + 1);
        boolean replaced = false;
        for (Member existing : members) {
            if (existing.recordId().equals(member.recordId())) {
                if (existing.equals(member)) {
                    return Optional.empty();
                }
                next.add(member);
                replaced = true;
            } else {
                next.add(existing);
            }
        }
        if (!replaced) {
            next.add(member);
            next.sort(Comparator.comparing(Member::recordId));
        }
        return Optional.of(new WorkState(workId, version + 1, next, matchCount, matches));
    }

    /** What the work event says about the matches. */
    public WorkMatches publishedMatches() {
        return new WorkMatches(matchCount, matches.stream().map(MatchedPair::published).toList());
    }

    private static List<MatchedPair> smallest(TreeSet<MatchedPair> pairs) {
        return pairs.stream().limit(WorkMatches.MAX_PAIRS).toList();
    }
}
