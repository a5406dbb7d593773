package io.abstractcatalog.dedup.block;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Utils;

/**
 * One message of the {@code records-by-block} repartition topic: a record under all of its blocking keys that live
 * on one partition. Grouping the ~35 keys of a record by partition sends at most {@code partitions} messages per
 * record instead of one per key; each key still lives on exactly one partition, so its block stays whole.
 */
public record BlockEntry(String recordId, List<String> keys) {

    public BlockEntry {
        keys = List.copyOf(keys);
    }

    /** Partition → the record's keys on it; the same murmur2 hash as Kafka's default partitioner, in every JVM. */
    public static Map<Integer, BlockEntry> byPartition(String recordId, List<BlockingKey> keys, int partitions) {
        Map<Integer, List<String>> grouped = new TreeMap<>();
        for (BlockingKey key : keys) {
            String text = key.toString();
            grouped.computeIfAbsent(partitionOf(text, partitions), p -> new ArrayList<>()).add(text);
        }
        Map<Integer, BlockEntry> out = new TreeMap<>();
        grouped.forEach((partition, texts) -> out.put(partition, new BlockEntry(recordId, texts)));
        return out;
    }

    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
