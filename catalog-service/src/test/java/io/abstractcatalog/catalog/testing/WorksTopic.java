package io.abstractcatalog.catalog.testing;

import io.abstractcatalog.catalog.consume.TopicSettings;
import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.TopicProvisioner;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.contract.WorkEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes to topic "works" the way dedup-service does: keyed by work id, through the topic's serde, in Kafka
 * transactions. Values are bytes so a test can also publish a poison message. A test bean, so every test shares one
 * producer against the test broker.
 */
@ApplicationScoped
public class WorksTopic {

    private final KafkaProducer<String, byte[]> producer;

    /** Reaches the broker and creates the topics exactly as the service under test does. */
    WorksTopic(@Identifier(KafkaConnection.CONFIG_BEAN) Map<String, Object> kafkaConfig, TopicSettings topics) {
        KafkaConnection kafka = KafkaConnection.of(kafkaConfig);
        TopicProvisioner.ensure(kafka, Topics.ALL, topics.partitions());
        producer = new KafkaProducer<>(kafka.client(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "catalog-test-" + UUID.randomUUID())),
                new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    /** Publishes the events in one committed transaction; returns the partition of the last one. */
    public synchronized int publish(WorkEvent... events) {
        return publish(List.of(events).stream().map(WorksTopic::record).toList(), true);
    }

    /** Publishes the events in a transaction that is then aborted: read_committed consumers must never see them. */
    public synchronized int publishAborted(WorkEvent... events) {
        return publish(List.of(events).stream().map(WorksTopic::record).toList(), false);
    }

    /** Publishes any bytes (a poison message) to a given partition, committed. */
    public synchronized void publishRaw(int partition, String key, String value) {
        publish(List.of(new ProducerRecord<>(Topics.WORKS.name(), partition, key, value.getBytes(StandardCharsets.UTF_8))), true);
    }

    /** Publishes an event to a given partition, e.g. right behind events whose processing a test waits for. */
    public synchronized void publishTo(int partition, WorkEvent event) {
        publish(List.of(new ProducerRecord<>(Topics.WORKS.name(), partition, event.workId(), bytes(event))), true);
    }

    private int publish(List<ProducerRecord<String, byte[]>> records, boolean commit) {
        producer.beginTransaction();
        try {
            RecordMetadata last = null;
            for (ProducerRecord<String, byte[]> record : records) {
                last = producer.send(record).get();
            }
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
            return last == null ? -1 : last.partition();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            producer.abortTransaction();
            throw new IllegalStateException("publishing to works failed", e.getCause());
        }
    }

    private static ProducerRecord<String, byte[]> record(WorkEvent event) {
        return new ProducerRecord<>(Topics.WORKS.name(), event.workId(), bytes(event));
    }

    private static byte[] bytes(WorkEvent event) {
        return Topics.WORKS.valueSerde().serializer().serialize(Topics.WORKS.name(), event);
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
