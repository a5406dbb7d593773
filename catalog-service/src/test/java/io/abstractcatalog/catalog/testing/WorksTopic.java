package io.abstractcatalog.catalog.testing;

import io.abstractcatalog.contract.EventJson;
import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.TopicProvisioner;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.contract.WorkEvent;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes to topic "works" the way dedup-service does: keyed by work id, in Kafka transactions. A test bean, so
 * every test shares one producer against the test broker.
 */
@ApplicationScoped
public class WorksTopic {

    private final KafkaProducer<String, byte[]> producer;

    WorksTopic(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
               @ConfigProperty(name = "topics.partitions") int partitions) {
        TopicProvisioner.ensure(KafkaConnection.to(bootstrapServers), Topics.all(partitions));
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "catalog-test-" + UUID.randomUUID()),
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
        publish(List.of(new ProducerRecord<>(Topics.WORKS, partition, key, value.getBytes(StandardCharsets.UTF_8))), true);
    }

    /** Publishes an event to a given partition, e.g. right behind events whose processing a test waits for. */
    public synchronized void publishTo(int partition, WorkEvent event) {
        publish(List.of(new ProducerRecord<>(Topics.WORKS, partition, event.workId(), EventJson.write(event))), true);
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
        return new ProducerRecord<>(Topics.WORKS, event.workId(), EventJson.write(event));
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
