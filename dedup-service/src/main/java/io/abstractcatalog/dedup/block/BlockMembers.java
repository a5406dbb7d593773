package io.abstractcatalog.dedup.block;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One block as the block store keeps it: the ids of its members, sorted, at most the block cap; {@code overflow}
 * counts the members that arrived when it was full (compared with the kept members, not kept themselves).
 */
public record BlockMembers(List<String> ids, long overflow) {

    public BlockMembers {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    public boolean contains(String id) {
        return Collections.binarySearch(ids, id) >= 0;
    }

    public BlockMembers with(String id, int cap) {
        if (ids.size() >= cap) {
            return new BlockMembers(ids, overflow + 1);
        }
        List<String> next = new ArrayList<>(ids.size() + 1);
        next.addAll(ids);
        int at = Collections.binarySearch(next, id);
        next.add(-at - 1, id);
        return new BlockMembers(next, overflow);
    }
}
