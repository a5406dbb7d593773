package io.abstractcatalog.dedup.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.WorkMatches;
import io.abstractcatalog.dedup.match.MatchedPair;
import io.abstractcatalog.dedup.match.PairDecision;
import io.abstractcatalog.dedup.match.PairMatcher;
import io.abstractcatalog.dedup.match.TitleRelation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WorkStateTest {

    private static final PairDecision SAME = new PairDecision(true, PairMatcher.Rule.SAME_FINGERPRINT, null, 1.0, 1.0,
            true, TitleRelation.ABSENT, false, 0, 0, 0, null, null, null, PairMatcher.VERSION);

    /**
     * A work of many copies (12 records, up to 66 accepted pairs): however the pairs arrive — joining two works or
     * inside one — the work counts every pair and lists the first {@link WorkMatches#MAX_PAIRS} in canonical order.
     */
    @Property(tries = 50)
    void theCountAndTheListedPairsDependOnThePairsAloneNotOnTheirOrder(@ForAll @IntRange(min = 0, max = 100_000) int seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add("r-" + Integer.toString(100 + i, 36));
        }
        List<MatchedPair> pairs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                if (i + 1 == j || random.nextInt(10) < 8) { // a chain keeps them one work; most other pairs too
                    pairs.add(MatchedPair.of(ids.get(j), ids.get(i), SAME));
                }
            }
        }
        Collections.shuffle(pairs, random);

        Map<String, WorkState> workOf = new HashMap<>();
        for (String id : ids) {
            workOf.put(id, WorkState.empty("w-" + id));
        }
        for (MatchedPair pair : pairs) {
            WorkState left = workOf.get(pair.a());
            WorkState right = workOf.get(pair.b());
            WorkState next = left == right ? left.withPair(pair) : left.absorb(right, pair);
            workOf.replaceAll((id, work) -> work == left || work == right ? next : work);
        }

        WorkState work = workOf.get(ids.get(0));
        assertThat(work.matchCount()).isEqualTo(pairs.size());
        assertThat(work.matches()).containsExactlyElementsOf(new TreeSet<>(pairs).stream().limit(WorkMatches.MAX_PAIRS).toList());
        assertThat(work.publishedMatches().pairs()).hasSize(Math.min(pairs.size(), WorkMatches.MAX_PAIRS));
    }

    @Test
    void aPairListsItsSmallerRecordFirstAndSortsByBothIds() {
        List<MatchedPair> pairs = new ArrayList<>(List.of(MatchedPair.of("r-b", "r-a", SAME), MatchedPair.of("r-a", "r-c", SAME),
                MatchedPair.of("r-c", "r-b", SAME)));
        Collections.sort(pairs);

        assertThat(pairs).extracting(p -> p.a() + "-" + p.b()).containsExactly("r-a-r-b", "r-a-r-c", "r-b-r-c");
        assertThat(pairs.get(0).published().rule()).isEqualTo("SAME_FINGERPRINT");
        assertThat(pairs.get(0).published().titleRelation()).isEqualTo("ABSENT");
    }
}
