package io.abstractcatalog.contract;

import java.util.OptionalInt;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One topic of the system, typed by its value: the name, how the broker keeps it (compacted or not, partitions) and
 * the serdes every producer and consumer uses. Keys are always strings (record id, ledger key, work id); values are
 * JSON through {@link JsonSerde}, the one mapper setup. {@link Topics} declares the system's topics.
 *
 * @param fixedPartitions the partition count whatever the configuration says, or empty for {@code topics.partitions}
 */
public record Topic<V>(String name, Class<V> valueType, boolean compacted, OptionalInt fixedPartitions) {

    public Topic {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a topic needs a name");
        }
    }

    /** A topic of events that expire with retention, as many partitions as configured. */
    public static <V> Topic<V> events(String name, Class<V> valueType) {
        return new Topic<>(name, valueType, false, OptionalInt.empty());
    }

    /** A compacted topic: the latest value per key is kept for ever. */
    public static <V> Topic<V> compacted(String name, Class<V> valueType) {
        return new Topic<>(name, valueType, true, OptionalInt.empty());
    }

    /** This topic with one partition whatever {@code topics.partitions} says. */
    public Topic<V> inOnePartition() {
        return new Topic<>(name, valueType, compacted, OptionalInt.of(1));
    }

    /** The partitions the topic is created with when the services are configured with {@code configured}. */
    public int partitions(int configured) {
        return fixedPartitions.orElse(configured);
    }

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    public Serde<V> valueSerde() {
        return JsonSerde.of(valueType);
    }

    @Override
    public String toString() {
        return name;
    }
}
