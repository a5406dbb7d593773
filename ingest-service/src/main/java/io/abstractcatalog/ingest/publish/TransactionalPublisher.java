package io.abstractcatalog.ingest.publish;

import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.Topic;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A transactional Kafka producer under a stable {@code transactional.id}. Connecting fences every older producer
 * with the same id and makes the broker abort the transaction a crashed instance left open, so a file that was
 * half published before a crash is invisible to {@code read_committed} readers and is simply published again.
 */
public final class TransactionalPublisher implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final String transactionalId;

    private TransactionalPublisher(Producer<String, byte[]> producer, String transactionalId) {
        this.producer = producer;
        this.transactionalId = transactionalId;
    }

    /**
     * How records are batched on their way to the broker.
     *
     * @param batchSize   bytes per partition batch ({@code batch.size})
     * @param linger      how long a batch waits to fill ({@code linger.ms})
     * @param compression {@code none}, {@code lz4}, {@code zstd}, {@code gzip} or {@code snappy}
     */
    public record Batching(int batchSize, Duration linger, String compression) {

        /** The Kafka client's own batch size and compression with a 5 ms linger, for tests that need no tuning. */
        public static final Batching CLIENT_DEFAULTS = new Batching(16_384, Duration.ofMillis(5), "none");
    }

    public static TransactionalPublisher connect(KafkaConnection kafka, String transactionalId) {
        return connect(kafka, transactionalId, Batching.CLIENT_DEFAULTS);
    }

    public static TransactionalPublisher connect(KafkaConnection kafka, String transactionalId, Batching batching) {
        Map<String, Object> config = kafka.client(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
                ProducerConfig.CLIENT_ID_CONFIG, transactionalId,
                // A file's records go out in batches while it is read: fewer, larger batches cost the broker and
                // this producer less per record (an abstract is ~1.4 KB of JSON: 11 per 16 KiB batch, 45 per 64 KiB).
                ProducerConfig.BATCH_SIZE_CONFIG, batching.batchSize(),
                ProducerConfig.LINGER_MS_CONFIG, (int) batching.linger().toMillis(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, batching.compression(),
                // Bound how long a dead broker can block a send or the start-up, so the scan loop can report it.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000));
        Producer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        return new TransactionalPublisher(producer, transactionalId);
    }

    public String transactionalId() {
        return transactionalId;
    }

    public void begin() {
        producer.beginTransaction();
    }

    /**
     * Queues one event in the open transaction; a failed send surfaces at {@link #commit()}. One producer serves
     * every topic of the file's transaction, so each value goes out through its own topic's serde.
     */
    public <V> void send(Topic<V> topic, String key, V event) {
        producer.send(new ProducerRecord<>(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), event)));
    }

    public void commit() {
        producer.commitTransaction();
    }

    public void abort() {
        producer.abortTransaction();
    }

    /**
     * Closes the producer. {@link Duration#ZERO} drops whatever is not sent yet and leaves an open transaction to
     * the broker, exactly what a crash does.
     */
    public void close(Duration timeout) {
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
