package io.abstractcatalog.dedup.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.JsonSerde;
import io.abstractcatalog.dedup.cluster.ClusterInput;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class BlockProcessorTest {

    private final MockProcessorContext<String, ClusterInput> context = new MockProcessorContext<>();
    private final BlockProcessor<ClusterInput> processor = new BlockProcessor<>("blocks", 2, "cluster", ClusterInput::candidates);

    BlockProcessorTest() {
        KeyValueStore<String, BlockMembers> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("blocks"),
                Serdes.String(), JsonSerde.of(BlockMembers.class)).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        processor.init(context);
    }

    @Test
    void aRecordMeetingAnEarlierOneInManyBlocksSendsThePairOnce() {
        processor.process(entry("a", "lsh:1", "lsh:2", "lsh:3"));
        assertThat(context.forwarded()).isEmpty(); // nobody to meet yet

        processor.process(entry("c", "lsh:1", "lsh:2", "lsh:3", "fp:x"));
        processor.process(entry("b", "lsh:2", "fp:x"));

        assertThat(forwarded()).containsExactly(ClusterInput.candidates("c", List.of("a")),
                ClusterInput.candidates("b", List.of("a", "c")));
    }

    @Test
    void aReplayedEntrySendsNothing() {
        processor.process(entry("a", "lsh:1"));
        processor.process(entry("b", "lsh:1"));
        context.resetForwards();

        processor.process(entry("b", "lsh:1"));

        assertThat(context.forwarded()).isEmpty();
    }

    @Test
    void aFullBlockIsComparedButNotJoined() {
        processor.process(entry("a", "title:t"));
        processor.process(entry("b", "title:t"));
        processor.process(entry("c", "title:t")); // cap 2: compared with a and b, not kept
        processor.process(entry("d", "title:t"));

        assertThat(forwarded()).containsExactly(ClusterInput.candidates("b", List.of("a")),
                ClusterInput.candidates("c", List.of("a", "b")), ClusterInput.candidates("d", List.of("a", "b")));
    }

    private static Record<Integer, BlockEntry> entry(String recordId, String... keys) {
        return new Record<>(0, new BlockEntry(recordId, List.of(keys)), 0L);
    }

    private List<ClusterInput> forwarded() {
        return context.forwarded().stream().<ClusterInput>map(f -> f.record().value()).toList();
    }
}
