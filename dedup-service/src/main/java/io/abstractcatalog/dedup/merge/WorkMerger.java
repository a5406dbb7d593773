package io.abstractcatalog.dedup.merge;

import io.abstractcatalog.contract.Identifiers;
import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkSource;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a work from its members by a total order, so the result never depends on arrival order:
 * the most common normalized text wins, ties go to the longest, then to the smallest record id;
 * affiliations and identifiers are unions; every member is listed as a source.
 */
public final class WorkMerger {

    private WorkMerger() {
    }

    public static Work merge(WorkState state) {
        List<Member> members = state.members();
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a work needs at least one member: " + state.workId());
        }
        // a record may come without abstract (a bibliographic entry matched by DOI or title)
        String abstractText = representative(members, Member::normalizedAbstract).map(Member::abstractText).orElse(null);
        String title = representative(members, Member::normalizedTitle).map(Member::title).orElse(null);
        return new Work(
                state.workId(),
                state.version(),
                title,
                abstractText,
                union(members, m -> m.affiliations().stream().map(String::strip)),
                new Identifiers(
                        union(members, m -> streamOf(m.doi()).map(doi -> doi.toLowerCase(Locale.ROOT))),
                        union(members, m -> streamOf(m.arxivId()))),
                members.stream().map(m -> new WorkSource(m.recordId(), m.source(), m.ingestedAt())).toList(),
                members.size(),
                members.stream().map(Member::ingestedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null),
                members.stream().map(Member::ingestedAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null));
    }

    /** The member whose normalized text is most common, then longest, then has the smallest record id. */
    static Optional<Member> representative(List<Member> members, Function<Member, String> normalized) {
        Map<String, Long> counts = members.stream()
                .map(normalized)
                .filter(text -> text != null && !text.isEmpty())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Comparator<Member> order = Comparator
                .comparing((Member m) -> counts.get(normalized.apply(m)), Comparator.reverseOrder())
                .thenComparing(m -> normalized.apply(m).length(), Comparator.reverseOrder())
                .thenComparing(Member::recordId);
        return members.stream()
                .filter(m -> counts.containsKey(normalized.apply(m)))
                .min(order);
    }

    private static List<String> union(List<Member> members, Function<Member, Stream<String>> values) {
        return members.stream()
                .flatMap(values)
                .filter(value -> !value.isBlank())
                .collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    private static Stream<String> streamOf(String value) {
        return value == null ? Stream.empty() : Stream.of(value.strip());
    }
}
