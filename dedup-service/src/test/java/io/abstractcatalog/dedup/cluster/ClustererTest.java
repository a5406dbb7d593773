package io.abstractcatalog.dedup.cluster;

import static io.abstractcatalog.dedup.RawRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.JsonSerde;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.dedup.match.MatchConfig;
import io.abstractcatalog.dedup.match.RecordFeatures;
import io.abstractcatalog.dedup.merge.Member;
import io.abstractcatalog.dedup.merge.WorkState;
import io.abstractcatalog.dedup.normalize.NormalizedRecord;
import io.abstractcatalog.dedup.topology.WorksTopicView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Steps 3–5 (match + cluster + merge) alone, fed their input in any interleaving — including candidates that overtake
 * the records they name (which the topology test driver never produces, but two partitions of a real broker do).
 */
class ClustererTest {

    private static final String TEXT = "Sum-product networks (SPNs) are probabilistic models characterized by exact and "
            + "fast evaluation of fundamental probabilistic operations, with applications in many fields.";
    private static final String OTHER = "Looped transformers offer advantages in parameter efficiency and Turing "
            + "completeness, but their expressive power for function approximation remains underexplored.";

    @Property(tries = 60)
    void anyInterleavingOfRecordsAndCandidatesGivesTheSameWorks(@ForAll long seed) {
        List<RawRecord> records = List.of(record("a.txt", 0, null, TEXT), record("b.txt", 0, null, TEXT.toUpperCase()),
                record("c.txt", 0, null, "Abstract: " + TEXT), record("d.txt", 0, null, OTHER),
                record("e.txt", 0, null, OTHER + " Code is online."));
        List<ClusterInput> inputs = new ArrayList<>();
        for (RawRecord r : records) {
            NormalizedRecord n = NormalizedRecord.of(r);
            inputs.add(ClusterInput.node(Member.of(n), RecordFeatures.of(n, MatchConfig.DEFAULTS).summary()));
        }
        for (int j = 1; j < records.size(); j++) { // every pair is a candidate; replays of some
            List<String> earlier = records.subList(0, j).stream().map(RawRecord::recordId).toList();
            inputs.add(ClusterInput.candidates(records.get(j).recordId(), earlier));
        }
        WorksTopicView expected = feed(inputs);
        List<ClusterInput> shuffled = new ArrayList<>(inputs);
        Random random = new Random(seed);
        shuffled.addAll(inputs.subList(0, random.nextInt(inputs.size())));
        Collections.shuffle(shuffled, random);

        WorksTopicView actual = feed(shuffled);

        assertThat(actual.membership()).isEqualTo(expected.membership());
        assertThat(actual.worksWithoutVersion()).isEqualTo(expected.worksWithoutVersion());
        assertThat(expected.membership().values()).extracting(java.util.Set::size).containsExactlyInAnyOrder(3, 2);
    }

    private static WorksTopicView feed(List<ClusterInput> inputs) {
        MockProcessorContext<String, WorkEvent> context = new MockProcessorContext<>();
        store(context, "nodes", JsonSerde.of(NodeState.class));
        store(context, "pending", JsonSerde.of(Waiting.class));
        store(context, "works", JsonSerde.of(WorkState.class));
        Clusterer clusterer = new Clusterer("nodes", "pending", "works", MatchConfig.DEFAULTS);
        clusterer.init(context);
        inputs.forEach(input -> clusterer.process(new Record<>("cluster", input, 0L)));
        List<WorkEvent> events = context.forwarded().stream().map(f -> (WorkEvent) f.record().value()).toList();
        return WorksTopicView.of(events);
    }

    private static <V> void store(MockProcessorContext<String, WorkEvent> context, String name, JsonSerde<V> serde) {
        StoreBuilder<KeyValueStore<String, V>> builder = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(name), Serdes.String(), serde).withLoggingDisabled();
        KeyValueStore<String, V> store = builder.build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
