package io.abstractcatalog.dedup.merge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A work as the store keeps it: its id, the version last published, and its members sorted by record id.
 * The members alone determine the published work, so the same members in any order give the same work.
 */
public record WorkState(String workId, long version, List<Member> members) {

    public WorkState {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public static WorkState empty(String workId) {
        return new WorkState(workId, 0, List.of());
    }

    /** This work with every member of {@code other} added, one version on. */
    public WorkState absorb(WorkState other) {
        java.util.Map<String, Member> byId = new java.util.TreeMap<>();
        members.forEach(m -> byId.put(m.recordId(), m));
        other.members().forEach(m -> byId.putIfAbsent(m.recordId(), m));
        return new WorkState(workId, version + 1, List.copyOf(byId.values()));
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
        return Optional.of(new WorkState(workId, version + 1, next));
    }
}
