package io.abstractcatalog.loadtest.bench;

import io.abstractcatalog.contract.Topics;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka's own limit for what ingest does: the same raw records (read back from {@code abstracts.raw} into a file
 * first, not timed) sent by a plain, non-transactional {@link KafkaProducer} (acks=all, 64 KiB batches, 10 ms
 * linger, no compression) to a fresh topic with as many partitions, timed until every send is acknowledged.
 */
public final class RawProducerLimit {

    public record Result(long records, long bytes, double seconds) {
    }

    private RawProducerLimit() {
    }

    /** Copies every committed record of {@code abstracts.raw} into {@code file}; returns how many. */
    public static long export(String bootstrapServers, Path file) throws IOException {
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "loadtest-export-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new ByteArrayDeserializer(), new ByteArrayDeserializer());
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            var partitions = consumer.partitionsFor(Topics.RAW.name()).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(Topics.RAW.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    out.writeInt(record.key().length);
                    out.write(record.key());
                    out.writeInt(record.value().length);
                    out.write(record.value());
                    count++;
                }
            }
        }
        return count;
    }

    public static Result measure(String bootstrapServers, KafkaOffsets offsets, Path file) throws Exception {
        String topic = "loadtest.raw-limit-" + System.currentTimeMillis();
        createTopic(offsets, topic);
        Result result = measure(bootstrapServers, topic, file);
        offsets.admin().deleteTopics(List.of(topic)).all().get();
        return result;
    }

    /** A topic with as many partitions as {@code abstracts.raw}, for {@link #measure(String, String, Path)}. */
    public static void createTopic(KafkaOffsets offsets, String topic) throws Exception {
        offsets.admin().createTopics(List.of(new NewTopic(topic, offsets.partitionCount(Topics.RAW), (short) 1))).all().get();
    }

    /** Sends the records of {@code file} to {@code topic}, which exists (repeated runs append to it). */
    public static Result measure(String bootstrapServers, String topic, Path file) throws Exception {
        long records = 0;
        long bytes = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        long began;
        double seconds;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024), new ByteArraySerializer(), new ByteArraySerializer());
             DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            producer.partitionsFor(topic); // metadata fetched before the clock starts
            began = System.nanoTime();
            while (true) {
                byte[] key;
                try {
                    key = in.readNBytes(in.readInt());
                } catch (EOFException end) {
                    break;
                }
                byte[] value = in.readNBytes(in.readInt());
                producer.send(new ProducerRecord<>(topic, key, value), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                records++;
                bytes += key.length + value.length;
            }
            producer.flush();
            seconds = (System.nanoTime() - began) / 1e9;
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the raw producer limit run failed: " + failure.get().getMessage(), failure.get());
        }
        return new Result(records, bytes, seconds);
    }
}
