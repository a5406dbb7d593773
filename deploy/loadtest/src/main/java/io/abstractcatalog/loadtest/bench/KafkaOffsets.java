package io.abstractcatalog.loadtest.bench;

import io.abstractcatalog.contract.Topic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where each stage is, read from the broker the way an operator would: a topic's end offsets (what a producer has
 * written) and a consumer group's committed offsets (what a consumer has finished). Offsets count transaction
 * markers too (one per partition per transaction), a rounding error next to files of hundreds of records; lags
 * ignore the last offset of each partition (see {@link #behind}).
 */
public final class KafkaOffsets implements AutoCloseable {

    /** Kafka Streams uses its application id as the consumer group. */
    public static final String DEDUP_GROUP = "dedup-service";
    public static final String CATALOG_GROUP = "catalog-service";

    private final Admin admin;

    public KafkaOffsets(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }

    public Admin admin() {
        return admin;
    }

    /** Sum over the topic's partitions of the end offset (high watermark). */
    public long end(Topic<?> topic) {
        return ends(partitions(topic.name())).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Sum of the group's committed offsets on {@code topic} (0 before its first commit). */
    public long committed(String group, Topic<?> topic) {
        return committed(group).entrySet().stream().filter(e -> e.getKey().topic().equals(topic.name()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Records the group has still to process: over every partition of {@code inputs} and every partition the group
     * has committed (for Kafka Streams, its repartition topics too), end offset minus committed offset.
     */
    public long lag(String group, List<? extends Topic<?>> inputs) {
        Map<TopicPartition, Long> committed = committed(group);
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Topic<?> topic : inputs) {
            partitions(topic.name()).forEach(tp -> ends.put(tp, 0L));
        }
        committed.keySet().forEach(tp -> ends.put(tp, 0L));
        ends.putAll(ends(List.copyOf(ends.keySet())));
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            lag += behind(e.getValue(), committed.getOrDefault(e.getKey(), 0L));
        }
        return lag;
    }

    /**
     * Per topic name, {end, committed} summed over partitions, for every partition of {@code inputs} and every partition
     * the group has committed (for Kafka Streams: its repartition topics).
     */
    public Map<String, long[]> positions(String group, List<? extends Topic<?>> inputs) {
        Map<TopicPartition, Long> committed = committed(group);
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Topic<?> topic : inputs) {
            partitions(topic.name()).forEach(tp -> ends.put(tp, 0L));
        }
        committed.keySet().forEach(tp -> ends.put(tp, 0L));
        ends.putAll(ends(List.copyOf(ends.keySet())));
        Map<String, long[]> out = new java.util.TreeMap<>();
        ends.forEach((tp, end) -> {
            long[] position = out.computeIfAbsent(tp.topic(), t -> new long[2]);
            position[0] += end;
            position[1] += end - behind(end, committed.getOrDefault(tp, 0L));
        });
        return out;
    }

    /**
     * Offsets still to process on one partition, not counting one trailing offset: a transactional topic ends with a
     * commit marker, and a consumer that commits "last record + 1" stays one short of it (catalog-service commits its
     * position past the marker since 2026-11-29; the tolerance keeps the benchmark right for any consumer).
     */
    static long behind(long end, long committed) {
        return Math.max(0, end - committed - 1);
    }

    public int partitionCount(Topic<?> topic) {
        return partitions(topic.name()).size();
    }

    private List<TopicPartition> partitions(String topic) {
        TopicDescription description = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private Map<TopicPartition, Long> ends(List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        if (!request.isEmpty()) {
            get(admin.listOffsets(request).all()).forEach((tp, info) -> out.put(tp, info.offset()));
        }
        return out;
    }

    private Map<TopicPartition, Long> committed(String group) {
        Map<TopicPartition, Long> out = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()).entrySet()) {
            if (e.getValue() != null) {
                out.put(e.getKey(), e.getValue().offset());
            }
        }
        return out;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
