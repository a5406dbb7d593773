package io.abstractcatalog.dedup.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;

class BlockEntryTest {

    /** Every key travels exactly once, on the one partition it hashes to: a block never splits over partitions. */
    @Property(tries = 200)
    void eachKeyGoesOnceToThePartitionItHashesTo(@ForAll @Size(max = 40) List<@AlphaChars String> values,
                                                 @ForAll @IntRange(min = 1, max = 12) int partitions) {
        List<BlockingKey> keys = values.stream().map(v -> new BlockingKey("lsh", v)).toList();

        Map<Integer, BlockEntry> entries = BlockEntry.byPartition("r1", keys, partitions);

        List<String> sent = new ArrayList<>();
        entries.forEach((partition, entry) -> {
            assertThat(entry.recordId()).isEqualTo("r1");
            assertThat(partition).isBetween(0, partitions - 1);
            entry.keys().forEach(key -> assertThat(BlockEntry.partitionOf(key, partitions)).isEqualTo(partition));
            sent.addAll(entry.keys());
        });
        assertThat(sent).containsExactlyInAnyOrderElementsOf(keys.stream().map(BlockingKey::toString).toList());
        assertThat(entries.size()).isLessThanOrEqualTo(partitions);
    }

    /** The same function as Kafka's default partitioner on the UTF-8 key: fixed across JVMs and versions. */
    @Property(tries = 200)
    void aKeyGoesWhereKafkasDefaultPartitionerSendsIt(@ForAll String key, @ForAll @IntRange(min = 1, max = 12) int partitions) {
        assertThat(BlockEntry.partitionOf(key, partitions)).isEqualTo(
                BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions));
    }
}
