package io.abstractcatalog.dedup.topology;

import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a consumer of the works topic ends up with: the latest upserted work per id, minus the ids redirected
 * later; and the redirects. Comparable across runs by membership (record ids) and surviving ids.
 */
public record WorksTopicView(Map<String, Work> works, Map<String, String> redirects) {

    public static WorksTopicView of(List<WorkEvent> events) {
        Map<String, Work> works = new TreeMap<>();
        Map<String, String> redirects = new TreeMap<>();
        Map<String, Long> versions = new TreeMap<>();
        for (WorkEvent event : events) {
            if (versions.getOrDefault(event.workId(), -1L) >= event.version()) {
                continue; // stale, as the catalog would treat it
            }
            versions.put(event.workId(), event.version());
            if (event.type() == WorkEvent.Type.REDIRECTED) {
                works.remove(event.workId());
                redirects.put(event.workId(), event.redirectTo());
            } else {
                works.put(event.workId(), event.work());
                redirects.remove(event.workId());
            }
        }
        return new WorksTopicView(works, redirects);
    }

    /** Surviving work id → its members' record ids. */
    public Map<String, TreeSet<String>> membership() {
        Map<String, TreeSet<String>> membership = new TreeMap<>();
        works.forEach((id, work) -> {
            TreeSet<String> members = new TreeSet<>();
            work.sources().forEach(s -> members.add(s.recordId()));
            membership.put(id, members);
        });
        return membership;
    }

    /** The works without version (matches included), for comparing runs whose histories (and so versions) differ. */
    public Map<String, Work> worksWithoutVersion() {
        Map<String, Work> out = new TreeMap<>();
        works.forEach((id, w) -> out.put(id, new Work(w.workId(), 0, w.title(), w.abstractText(), w.affiliations(),
                w.identifiers(), w.sources(), w.memberCount(), w.firstSeen(), w.updatedAt(), w.authors(), w.year(),
                w.venue(), w.url(), w.matches())));
        return out;
    }
}
