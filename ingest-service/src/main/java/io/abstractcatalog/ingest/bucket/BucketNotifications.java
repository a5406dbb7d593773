package io.abstractcatalog.ingest.bucket;

import com.fasterxml.jackson.databind.JsonNode;
import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.Topic;
import io.abstractcatalog.contract.TopicProvisioner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The Kafka topic an S3 store publishes its bucket notifications to (MinIO's Kafka target, {@code
 * ingest.s3.notifications.topic}): a file put into the bucket is scanned for about a second later instead of at the
 * next periodic scan. Read from the topic's end with no consumer group and no commits: a notification missed while
 * the service was down is covered by the scan at start, one missed while Kafka was away by the periodic scan, which
 * stays on. A notification only triggers a scan; the scan lists the bucket and the ledger decides what is new.
 */
public record BucketNotifications(KafkaConnection kafka, String topic) {

    private static final Logger LOG = Logger.getLogger(BucketNotifications.class);
    private static final Duration RETRY = Duration.ofSeconds(10);

    /** Starts listening for objects created in the bucket under the prefix; {@code onChange} runs for each such batch. */
    Bucket.Watch watch(String bucket, String prefix, Runnable onChange) {
        Listener listener = new Listener(bucket, prefix, onChange);
        Thread thread = new Thread(listener, "bucket-notifications");
        thread.setDaemon(true);
        thread.start();
        return new Bucket.Watch() {
            @Override
            public void close() {
                listener.stop(thread);
            }

            @Override
            public String state() {
                return listener.state;
            }
        };
    }

    private final class Listener implements Runnable {

        private final String bucket;
        private final String prefix;
        private final Runnable onChange;
        private volatile boolean running = true;
        private volatile KafkaConsumer<String, byte[]> consumer;
        private volatile String state = "connecting to the bucket notifications on topic " + topic;

        Listener(String bucket, String prefix, Runnable onChange) {
            this.bucket = bucket;
            this.prefix = prefix;
            this.onChange = onChange;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    listen();
                } catch (WakeupException e) {
                    // stop() woke the consumer; the loop condition ends it
                } catch (RuntimeException e) {
                    if (running) {
                        state = "bucket notifications on topic " + topic + " interrupted (" + e.getMessage()
                                + "), listening again in " + RETRY.toSeconds() + " s; the periodic scan still finds every file";
                        LOG.warn(state);
                        pause();
                    }
                }
            }
        }

        private void listen() {
            // The store needs the topic to publish to; brokers here refuse to create topics on first use.
            TopicProvisioner.ensure(kafka, List.of(Topic.events(topic, JsonNode.class).inOnePartition()), 1);
            try (KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(kafka.client(Map.of(
                    ConsumerConfig.CLIENT_ID_CONFIG, "ingest-bucket-notifications",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = kafkaConsumer;
                List<TopicPartition> partitions = kafkaConsumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                kafkaConsumer.assign(partitions);
                kafkaConsumer.seekToEnd(partitions);
                partitions.forEach(kafkaConsumer::position); // from now on, not from whenever the first poll runs
                state = "listening to the bucket notifications on topic " + topic + ": a new file is scanned for at once";
                LOG.infof("Listening to bucket notifications on topic %s for s3://%s/%s", topic, bucket, prefix);
                while (running) {
                    int announcing = 0;
                    for (ConsumerRecord<String, byte[]> record : kafkaConsumer.poll(Duration.ofSeconds(1))) {
                        if (BucketNotification.parse(record.value()).announcesFileIn(bucket, prefix)) {
                            announcing++;
                        }
                    }
                    if (announcing > 0) {
                        LOG.debugf("%d bucket notifications announce new files: scanning", announcing);
                        onChange.run();
                    }
                }
            } finally {
                consumer = null;
            }
        }

        private void pause() {
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        void stop(Thread thread) {
            running = false;
            KafkaConsumer<String, byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
