package io.abstractcatalog.dedup.merge;

import static io.abstractcatalog.dedup.RawRecords.record;
import static io.abstractcatalog.dedup.RawRecords.withBibliography;
import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.Identifiers;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkSource;
import io.abstractcatalog.dedup.normalize.NormalizedRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkMergerTest {

    @Test
    void mostCommonNormalizedTextWinsOverALongerOne() {
        WorkState state = stateOf(
                record("a.txt", 0, null, "Short text."),
                record("b.txt", 0, null, "  short   TEXT. "),
                record("c.txt", 0, null, "A much longer but lonely text."));

        assertThat(WorkMerger.merge(state).abstractText()).isIn("Short text.", "  short   TEXT. ");
    }

    @Test
    void tiesGoToTheLongestThenToTheSmallestRecordId() {
        RawRecord shorter = record("a.txt", 0, null, "Text.");
        RawRecord longer = record("b.txt", 0, null, "Text, longer.");
        assertThat(WorkMerger.merge(stateOf(shorter, longer)).abstractText()).isEqualTo("Text, longer.");

        RawRecord first = record("c.txt", 0, null, "Same words");
        RawRecord second = record("d.txt", 0, null, "SAME words");
        String expected = first.recordId().compareTo(second.recordId()) < 0 ? "Same words" : "SAME words";
        assertThat(WorkMerger.merge(stateOf(first, second)).abstractText()).isEqualTo(expected);
        assertThat(WorkMerger.merge(stateOf(second, first)).abstractText()).isEqualTo(expected);
    }

    @Test
    void titleComesFromTheMembersThatHaveOne() {
        WorkState state = stateOf(record("a.txt", 0, null, "X"), record("b.txt", 1, "A Title", "X"));

        assertThat(WorkMerger.merge(state).title()).isEqualTo("A Title");
        assertThat(WorkMerger.merge(stateOf(record("a.txt", 0, null, "X"))).title()).isNull();
    }

    @Test
    void affiliationsAreASortedUnionAndEveryMemberIsASource() {
        RawRecord tokyo = record("a.txt", 0, null, "X", "The University of Tokyo");
        RawRecord both = record("b.txt", 3, null, "X", " The University of Tokyo ", "RIKEN");
        Work work = WorkMerger.merge(stateOf(tokyo, both));

        assertThat(work.affiliations()).containsExactly("RIKEN", "The University of Tokyo");
        assertThat(work.memberCount()).isEqualTo(2);
        assertThat(work.sources()).extracting(WorkSource::recordId)
                .containsExactlyInAnyOrder(tokyo.recordId(), both.recordId()).isSorted();
        assertThat(work.firstSeen()).isEqualTo(tokyo.ingestedAt());
        assertThat(work.updatedAt()).isEqualTo(both.ingestedAt());
    }

    @Test
    void aReplayedMemberChangesNothing() {
        Member member = Member.of(NormalizedRecord.of(record("a.txt", 0, null, "X")));
        WorkState once = WorkState.empty("w-1").with(member).orElseThrow();

        assertThat(once.with(member)).isEmpty();
        assertThat(once.version()).isEqualTo(1);
    }

    private static WorkState stateOf(RawRecord... records) {
        WorkState state = WorkState.empty("w-test");
        for (RawRecord raw : records) {
            state = state.with(Member.of(NormalizedRecord.of(raw))).orElseThrow();
        }
        return state;
    }

    @Test
    void sameMembersInAnyOrderGiveTheSameWork() {
        List<RawRecord> records = List.of(record("a.txt", 0, "T", "X", "U1"), record("b.txt", 0, null, "x", "U2"),
                record("c.txt", 0, "t", "X.", "U1"));
        Work forward = WorkMerger.merge(stateOf(records.get(0), records.get(1), records.get(2)));
        Work backward = WorkMerger.merge(stateOf(records.get(2), records.get(1), records.get(0)));

        assertThat(backward).isEqualTo(forward);
    }
    @Test
    void authorsComeFromTheLongestListAndGainAnOrcidAnotherMemberGives() {
        RawRecord truncated = withBibliography(record("a.txt", 0, null, "X"), List.of("Hinton, G."), null, null,
                null, null, null);
        RawRecord full = withBibliography(record("b.txt", 0, null, "X"),
                List.of("Geoffrey E. Hinton", "Simon Osindero", "Yee-Whye Teh"), null, null, null, null, null);
        RawRecord withOrcid = new RawRecord(null, "r-zzz", null, null, null, "X", null,
                List.of(new Author("Hinton, Geoffrey", "Hinton", "Geoffrey", "0000-0002-1825-0097")), null, null,
                null, null, null, null, null);

        Work work = WorkMerger.merge(stateOf(truncated, full, withOrcid));

        assertThat(work.authors()).extracting(Author::name)
                .containsExactly("Geoffrey E. Hinton", "Simon Osindero", "Yee-Whye Teh");
        assertThat(work.authors().get(0).orcid()).isEqualTo("0000-0002-1825-0097");
        assertThat(work.authors().get(1).orcid()).isNull();
    }

    @Test
    void equallyLongAuthorListsPreferTheOneWithGivenNamesApart() {
        RawRecord bare = new RawRecord(null, "r-aaa", null, null, null, "X", null,
                List.of(new Author("Consortium A", null, null, null)), null, null, null, null, null, null, null);
        RawRecord parts = new RawRecord(null, "r-bbb", null, null, null, "X", null,
                List.of(Author.parse("Jane Smith")), null, null, null, null, null, null, null);

        assertThat(WorkMerger.merge(stateOf(bare, parts)).authors()).extracting(Author::name).containsExactly("Jane Smith");
    }

    static Stream<Arguments> years() {
        return Stream.of(
                Arguments.of("preprint year beats the journal's", new Integer[] {2020, 2019}, 2019),
                Arguments.of("a year after the latest ingestion is not credible", new Integer[] {2031, 2020}, 2020),
                Arguments.of("before 1500 is not credible", new Integer[] {1066, 1998}, 1998),
                Arguments.of("no member has a year", new Integer[] {null, null}, null),
                Arguments.of("only incredible years", new Integer[] {1200}, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("years")
    void yearIsTheEarliestCredibleOne(String why, Integer[] years, Integer expected) {
        List<RawRecord> records = new ArrayList<>();
        for (int i = 0; i < years.length; i++) {
            // ingested 2026-11-23, so 2027 is the latest credible year
            records.add(withBibliography(record("y" + i + ".txt", i, null, "X"), null, years[i], null, null, null, null));
        }
        assertThat(WorkMerger.merge(stateOf(records.toArray(RawRecord[]::new))).year()).isEqualTo(expected);
    }

    static Stream<Arguments> venues() {
        return Stream.of(
                Arguments.of("most common, compared folded", new String[] {"J. Neurosci.", "j neurosci", "Nature"},
                        List.of("J. Neurosci.", "j neurosci")),
                Arguments.of("a journal beats a preprint server", new String[] {"arXiv", "arXiv", "Gut"}, List.of("Gut")),
                Arguments.of("a preprint server when nothing else", new String[] {"bioRxiv", null}, List.of("bioRxiv")),
                Arguments.of("ties go to the full title", new String[] {"NeurIPS", "Advances in Neural Information Processing Systems"},
                        List.of("Advances in Neural Information Processing Systems")),
                Arguments.of("a name beats a citation string", new String[] {"Phys.Rev.D76:013009,2007", "Phys. Rev. D"},
                        List.of("Phys. Rev. D")),
                Arguments.of("none", new String[] {null, " "}, Collections.singletonList(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("venues")
    void venueIsTheMostCommonPublishedOne(String why, String[] venues, List<String> expected) {
        List<RawRecord> records = new ArrayList<>();
        for (int i = 0; i < venues.length; i++) {
            records.add(withBibliography(record("v" + i + ".txt", i, null, "X"), null, null, venues[i], null, null, null));
        }
        assertThat(expected).contains(WorkMerger.merge(stateOf(records.toArray(RawRecord[]::new))).venue());
    }

    @Test
    void identifiersAreNormalizedUnionsAndAnArxivDoiCountsAsTheArxivId() {
        RawRecord journal = withBibliography(record("a.txt", 0, null, "X"), null, null, null,
                "https://doi.org/10.1136/GUTJNL-2016-312510", null, "PMID: 27797938");
        RawRecord preprint = withBibliography(record("b.txt", 0, null, "X"), null, null, null,
                "10.48550/arXiv.2106.01234", "arXiv:2106.01234v2", null);

        Identifiers ids = WorkMerger.merge(stateOf(journal, preprint)).identifiers();

        assertThat(ids.doi()).containsExactly("10.1136/gutjnl-2016-312510");
        assertThat(ids.arxiv()).containsExactly("2106.01234");
        assertThat(ids.pmid()).containsExactly("27797938");
    }

    @Test
    void bibliographicFieldsDoNotDependOnMemberOrder() {
        Random random = new Random(7);
        List<String> pool = List.of("Ada Lovelace", "Alan Turing", "Grace Hopper", "Hopper, G.");
        List<RawRecord> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            List<String> authors = new ArrayList<>(pool.subList(0, random.nextInt(pool.size() + 1)));
            records.add(withBibliography(record("o" + i + ".txt", i, null, "X"), authors,
                    random.nextBoolean() ? 2015 + random.nextInt(4) : null,
                    List.of("Nature", "nature", "arXiv", "Science").get(random.nextInt(4)), null, null, null));
        }
        Work forward = WorkMerger.merge(stateOf(records.toArray(RawRecord[]::new)));
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(records, random);
            assertThat(WorkMerger.merge(stateOf(records.toArray(RawRecord[]::new)))).isEqualTo(forward);
        }
    }

    static Stream<Arguments> abstracts() {
        return Stream.of(
                Arguments.of("one member has it", new String[] {null, "The only abstract.", null}, "The only abstract."),
                Arguments.of("a blank one counts as none", new String[] {" ", "The only abstract."}, "The only abstract."),
                Arguments.of("members without it do not outvote one with it",
                        new String[] {null, null, null, "Text."}, "Text."),
                Arguments.of("the usual rule among those that have one",
                        new String[] {null, "Short text.", "short  TEXT.", "A much longer but lonely text."},
                        "Short text.|short  TEXT."),
                Arguments.of("no member has one", new String[] {null, null}, null),
                Arguments.of("a single member without one", new String[] {null}, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("abstracts")
    void theAbstractComesFromAMemberThatHasOneInAnyOrder(String why, String[] abstracts, String expected) {
        List<RawRecord> records = new ArrayList<>();
        for (int i = 0; i < abstracts.length; i++) {
            records.add(withBibliography(record("n" + i + ".txt", i, "Deep learning", abstracts[i]),
                    List.of("Yann LeCun"), 2015, null, "10.1038/nature14539", null, null));
        }
        for (int round = 0; round < 4; round++) {
            Collections.shuffle(records, new Random(round));
            Work work = WorkMerger.merge(stateOf(records.toArray(RawRecord[]::new)));
            if (expected == null) {
                assertThat(work.abstractText()).isNull();
            } else {
                assertThat(List.of(expected.split("\\|"))).contains(work.abstractText());
            }
            assertThat(work.title()).isEqualTo("Deep learning");
            assertThat(work.memberCount()).isEqualTo(abstracts.length);
        }
    }

    @Test
    void aMemberWithoutAbstractStillAddsItsIdentifiersAuthorsAndSource() {
        RawRecord withAbstract = withBibliography(record("a.txt", 0, "Deep learning", "Deep learning allows models."),
                List.of("LeCun, Y."), null, null, "10.1038/nature14539", null, null);
        RawRecord without = withBibliography(record("b.bib", 0, "Deep Learning", null),
                List.of("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton"), 2015, "Nature", "10.1038/NATURE14539", null,
                "26017442");

        Work work = WorkMerger.merge(stateOf(without, withAbstract));

        assertThat(work.abstractText()).isEqualTo("Deep learning allows models.");
        assertThat(work.authors()).extracting(Author::name).containsExactly("Yann LeCun", "Yoshua Bengio", "Geoffrey Hinton");
        assertThat(work.identifiers().pmid()).containsExactly("26017442");
        assertThat(work.year()).isEqualTo(2015);
        assertThat(work.sources()).extracting(s -> s.source().key()).containsExactlyInAnyOrder("a.txt", "b.bib");
    }

    /** Members with and without abstracts (null or blank), in any order and with replays: the same work. */
    @Property(tries = 200)
    void membersWithoutAbstractKeepTheMergeOrderIndependent(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random random = new Random(seed);
        List<String> texts = java.util.Arrays.asList(null, null, " ", "Short text.", "short TEXT.", "Another text.",
                "A longer text that stands alone.");
        List<RawRecord> records = new ArrayList<>();
        int members = 1 + random.nextInt(8);
        for (int i = 0; i < members; i++) {
            records.add(withBibliography(record("p" + random.nextInt(3) + ".txt", i,
                            random.nextBoolean() ? "Deep learning" : null, texts.get(random.nextInt(texts.size()))),
                    List.of("Yann LeCun", "Yoshua Bengio").subList(0, random.nextInt(3)),
                    random.nextBoolean() ? 2014 + random.nextInt(3) : null, null,
                    random.nextBoolean() ? "10.1038/nature14539" : null, null, null));
        }
        Work forward = WorkMerger.merge(stateOf(records.toArray(RawRecord[]::new)));
        List<RawRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, random);
        WorkState state = WorkState.empty("w-test");
        for (RawRecord raw : shuffled) {
            state = state.with(Member.of(NormalizedRecord.of(raw))).orElseThrow();
            state.with(Member.of(NormalizedRecord.of(raw))).ifPresent(s -> {
                throw new AssertionError("a replayed member changed the work");
            });
        }

        assertThat(WorkMerger.merge(state)).usingRecursiveComparison().ignoringFields("version").isEqualTo(forward);
        boolean anyAbstract = records.stream().anyMatch(r -> r.abstractText() != null && !r.abstractText().isBlank());
        assertThat(forward.abstractText() != null).isEqualTo(anyAbstract);
    }
}
