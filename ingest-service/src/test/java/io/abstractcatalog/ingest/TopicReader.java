package io.abstractcatalog.ingest;

import io.abstractcatalog.contract.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads a whole topic, from the beginning to its current end, the way a downstream service would see it. */
public final class TopicReader {

    private TopicReader() {
    }

    /** What a {@code read_committed} consumer sees: committed transactions only. */
    public static <T> List<Keyed<T>> committed(String bootstrap, Topic<T> topic) {
        return read(bootstrap, topic, "read_committed");
    }

    /** Everything written, aborted transactions included. */
    public static <T> List<Keyed<T>> uncommitted(String bootstrap, Topic<T> topic) {
        return read(bootstrap, topic, "read_uncommitted");
    }

    private static <T> List<Keyed<T>> read(String bootstrap, Topic<T> topic, String isolation) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Keyed<T>> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(100))) {
                    values.add(new Keyed<>(record.key(), record.value()));
                }
            }
            return values;
        }
    }

    public record Keyed<T>(String key, T value) {
    }
}
