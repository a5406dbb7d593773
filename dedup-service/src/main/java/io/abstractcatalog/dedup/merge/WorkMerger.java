package io.abstractcatalog.dedup.merge;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.FoldedText;
import io.abstractcatalog.contract.Identifiers;
import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a work from its members by total orders, so the result never depends on arrival order (the README's
 * "Merge rules"):
 * <ul>
 *   <li>title and abstract: the most common normalized text among the members that have one, ties to the longest,
 *       then the smallest record id; null when no member has one (a bibliographic entry without abstract counts
 *       for nothing here, so members without an abstract never outvote the one that has it);</li>
 *   <li>authors: the member with the longest list, ties to the list with more parts told apart (given names, ORCID
 *       iDs), then the smallest record id; an ORCID iD another member gives for the same person is added;</li>
 *   <li>year: the earliest credible year (from 1500 to a year after the latest ingestion among the members), so a
 *       preprint's year wins over the journal version's;</li>
 *   <li>venue: the most common, compared case- and accent-insensitively, preferring any journal or proceedings over
 *       a preprint server (arXiv, bioRxiv…); ties to the name with fewer digits (a name over a citation string with
 *       volume and pages), then the longest (full title over abbreviation), then the smallest record id;</li>
 *   <li>url: of the smallest record id that has one;</li>
 *   <li>affiliations and identifiers: unions; every member is listed as a source;</li>
 *   <li>matches: the pairs of members the matcher accepted, counted, the first ones listed ({@link WorkState}).</li>
 * </ul>
 */
public final class WorkMerger {

    static final int EARLIEST_CREDIBLE_YEAR = 1500;
    private static final Pattern PREPRINT_SERVER = Pattern.compile(
            "(?i)^(arxiv|corr|biorxiv|medrxiv|chemrxiv|ssrn|research ?square|preprints?|techrxiv|psyarxiv|osf preprints)\\b.*");

    private WorkMerger() {
    }

    public static Work merge(WorkState state) {
        List<Member> members = state.members();
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a work needs at least one member: " + state.workId());
        }
        // a record may come without abstract (a bibliographic entry matched by an identifier or its title)
        String abstractText = representative(members, Member::normalizedAbstract).map(Member::abstractText).orElse(null);
        String title = representative(members, Member::normalizedTitle).map(Member::title).orElse(null);
        return new Work(
                state.workId(),
                state.version(),
                title,
                abstractText,
                union(members, m -> m.affiliations().stream().map(String::strip)),
                new Identifiers(
                        union(members, m -> streamOf(m.doi())),
                        union(members, m -> streamOf(m.arxivId())),
                        union(members, m -> streamOf(m.pmid())),
                        union(members, m -> streamOf(m.pmcid()))),
                members.stream().map(m -> new WorkSource(m.recordId(), m.source(), m.ingestedAt())).toList(),
                members.size(),
                members.stream().map(Member::ingestedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null),
                members.stream().map(Member::ingestedAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null),
                authors(members),
                year(members),
                venue(members),
                members.stream().filter(m -> m.url() != null && !m.url().isBlank())
                        .min(Comparator.comparing(Member::recordId)).map(m -> m.url().strip()).orElse(null),
                state.publishedMatches());
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

    static List<Author> authors(List<Member> members) {
        Optional<Member> fullest = members.stream()
                .filter(m -> !m.authors().isEmpty())
                .min(Comparator.comparing((Member m) -> m.authors().size(), Comparator.reverseOrder())
                        .thenComparing(WorkMerger::detail, Comparator.reverseOrder())
                        .thenComparing(Member::recordId));
        if (fullest.isEmpty()) {
            return List.of();
        }
        List<Author> authors = new ArrayList<>(fullest.get().authors().size());
        for (Author author : fullest.get().authors()) {
            authors.add(author.orcid() != null ? author : author.withOrcid(orcidElsewhere(members, author)));
        }
        return authors;
    }

    /** How many name parts a member's author list tells apart: given names and ORCID iDs. */
    private static int detail(Member member) {
        int parts = 0;
        for (Author author : member.authors()) {
            parts += (author.given() != null ? 1 : 0) + (author.orcid() != null ? 1 : 0);
        }
        return parts;
    }

    /** The ORCID iD another member gives for the same family name and first initial (smallest record id first). */
    private static String orcidElsewhere(List<Member> members, Author author) {
        String person = personKey(author);
        if (person == null) {
            return null;
        }
        return members.stream()
                .sorted(Comparator.comparing(Member::recordId))
                .flatMap(m -> m.authors().stream())
                .filter(other -> other.orcid() != null && person.equals(personKey(other)))
                .map(Author::orcid)
                .findFirst().orElse(null);
    }

    private static String personKey(Author author) {
        if (author.family() == null) {
            return null;
        }
        String given = author.given() == null ? "" : FoldedText.of(author.given());
        return FoldedText.of(author.family()) + "|" + (given.isEmpty() ? "" : given.substring(0, 1));
    }

    static Integer year(List<Member> members) {
        int latest = members.stream().map(Member::ingestedAt).filter(Objects::nonNull)
                .map(at -> at.atZone(ZoneOffset.UTC).getYear()).max(Comparator.naturalOrder()).orElse(2100);
        return members.stream().map(Member::year).filter(Objects::nonNull)
                .filter(year -> year >= EARLIEST_CREDIBLE_YEAR && year <= latest + 1)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    static String venue(List<Member> members) {
        List<Member> named = members.stream().filter(m -> m.venue() != null && !FoldedText.of(m.venue()).isEmpty()).toList();
        List<Member> published = named.stream().filter(m -> !PREPRINT_SERVER.matcher(m.venue().strip()).matches()).toList();
        List<Member> candidates = published.isEmpty() ? named : published;
        Map<String, Long> counts = candidates.stream()
                .collect(Collectors.groupingBy(m -> FoldedText.of(m.venue()), Collectors.counting()));
        return candidates.stream()
                .min(Comparator.comparing((Member m) -> counts.get(FoldedText.of(m.venue())), Comparator.reverseOrder())
                        .thenComparing(m -> digits(m.venue()))
                        .thenComparing(m -> FoldedText.of(m.venue()).length(), Comparator.reverseOrder())
                        .thenComparing(Member::recordId))
                .map(m -> m.venue().strip())
                .orElse(null);
    }

    /** A citation string ("Phys.Rev.D76:013009,2007", arXiv's journal-ref) carries volume and pages; a name few digits. */
    private static long digits(String venue) {
        return venue.chars().filter(Character::isDigit).count();
    }


    private static List<String> union(List<Member> members, Function<Member, Stream<String>> values) {
        Set<String> sorted = members.stream()
                .flatMap(values)
                .filter(value -> !value.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
        return List.copyOf(sorted);
    }

    private static Stream<String> streamOf(String value) {
        return value == null ? Stream.empty() : Stream.of(value.strip());
    }
}
