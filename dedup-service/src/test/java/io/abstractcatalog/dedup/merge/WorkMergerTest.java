package io.abstractcatalog.dedup.merge;

import static io.abstractcatalog.dedup.RawRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkSource;
import io.abstractcatalog.dedup.normalize.NormalizedRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
