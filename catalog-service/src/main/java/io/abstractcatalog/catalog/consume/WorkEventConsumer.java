package io.abstractcatalog.catalog.consume;

import io.abstractcatalog.catalog.store.BatchResult;
import io.abstractcatalog.catalog.store.WorkWriter;
import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.TopicProvisioner;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.contract.WorkEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Applies topic "works" to the database: poll a batch, write it in one transaction, then commit the offsets.
 *
 * <p>Why a plain {@link KafkaConsumer} loop on its own thread rather than a Reactive Messaging {@code @Incoming}
 * batch method: the guarantees this service gives are all about ordering between the database commit and the offset
 * commit, and a poison record must be skipped <em>with its position</em>. With the client in hand both are a few
 * explicit lines ({@code commitSync} right after {@code connection.commit()}; decode per record) instead of
 * depending on a commit strategy's timing and a deserialization-failure handler. The cost is owning the thread and
 * the retry, which is what this class does. {@code catalog.consumer.threads} such loops run side by side, members of
 * one consumer group.
 *
 * <p>Delivery is at least once (a crash between the two commits replays the batch); the version guard of
 * {@link WorkWriter} makes a replay change nothing, so the catalog is effectively exactly once.
 */
@ApplicationScoped
public class WorkEventConsumer {

    private static final Logger LOG = Logger.getLogger(WorkEventConsumer.class);

    /** Where the loop stands, for the readiness check. */
    public enum Status { STARTING, CONSUMING, RETRYING, STOPPED, DISABLED }

    private final WorkWriter writer;
    private final WorkEventMetrics metrics;
    private final ConsumerSettings settings;
    private final KafkaConnection connection;
    private final int partitions;

    private volatile boolean running;
    private volatile boolean disabled;
    // Published whole once started: the readiness check reads it from other threads.
    private volatile List<Loop> loops = List.of();

    WorkEventConsumer(WorkWriter writer, WorkEventMetrics metrics, ConsumerSettings settings,
                      @Identifier(KafkaConnection.CONFIG_BEAN) Map<String, Object> kafkaConfig,
                      TopicSettings topics) {
        this.writer = writer;
        this.metrics = metrics;
        this.settings = settings;
        this.connection = KafkaConnection.of(kafkaConfig);
        this.partitions = topics.partitions();
    }

    void start(@Observes StartupEvent startup) {
        if (!settings.enabled()) {
            disabled = true;
            LOG.info("Consuming topic works is disabled (catalog.consumer.enabled=false)");
            return;
        }
        running = true;
        List<Loop> started = new ArrayList<>();
        for (int n = 0; n < settings.threads(); n++) {
            started.add(new Loop(n));
        }
        loops = List.copyOf(started);
        // Dedicated threads: each loop blocks for its whole life, which would starve a shared worker pool.
        loops.forEach(Loop::start);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        loops.forEach(Loop::wakeup);
        for (Loop loop : loops) {
            loop.join();
        }
    }

    /** The least healthy loop's status: one retrying loop means a part of the topic is not being applied. */
    public Status status() {
        if (disabled) {
            return Status.DISABLED;
        }
        List<Status> statuses = loops.stream().map(loop -> loop.status).toList();
        if (statuses.isEmpty()) {
            return Status.STARTING;
        }
        for (Status worst : List.of(Status.RETRYING, Status.STOPPED, Status.STARTING)) {
            if (statuses.contains(worst)) {
                return worst;
            }
        }
        return Status.CONSUMING;
    }

    public String lastProblem() {
        return loops.stream().map(loop -> loop.lastProblem).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    /**
     * One consumer of the group on its own thread and database connection. Several loops split the partitions of
     * "works" like several instances would; their writes never meet, since every event of a work is on one partition.
     */
    private final class Loop {

        private final int number;
        private final Thread thread;
        private volatile Status status = Status.STARTING;
        private volatile String lastProblem;
        private volatile KafkaConsumer<String, byte[]> consumer;

        Loop(int number) {
            this.number = number;
            this.thread = new Thread(this::run, "works-consumer-" + number);
        }

        void start() {
            thread.start();
        }

        void wakeup() {
            KafkaConsumer<String, byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        void join() throws InterruptedException {
            thread.join(10_000);
            if (thread.isAlive()) {
                // Stuck in a retry pause or in topic provisioning; nothing uncommitted is lost by interrupting it.
                thread.interrupt();
                thread.join(5_000);
            }
            status = Status.STOPPED;
        }

        private void run() {
            while (running) {
                try {
                    // The topic must exist before subscribing: brokers here refuse to auto-create topics.
                    TopicProvisioner.ensure(connection, Topics.ALL, partitions);
                    consume();
                } catch (WakeupException e) {
                    // stop() asked the consumer to return from poll(); the loop condition ends it.
                } catch (RuntimeException e) {
                    if (running) {
                        retrying("Kafka failed (" + e.getMessage() + "); reconnecting", e);
                    }
                }
            }
            LOG.info("Stopped consuming topic works");
        }

        private void consume() {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig(),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = kafka;
                kafka.subscribe(List.of(Topics.WORKS.name()));
                LOG.infof("Consuming topic %s as group %s from %s (loop %d of %d)", Topics.WORKS, settings.groupId(),
                        connection, number + 1, settings.threads());
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(settings.pollTimeout());
                    if (records.isEmpty()) {
                        healthy(); // polling works; after a database failure a rewound batch is never empty
                    } else {
                        handle(kafka, records);
                    }
                }
            } finally {
                consumer = null;
            }
        }

        private Map<String, Object> consumerConfig() {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
            // Works written in an aborted dedup transaction must never reach the catalog.
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            // Offsets are committed by hand, after the database commit.
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            // A new group reads the topic from the start: the catalog is rebuilt from the compacted topic.
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, "catalog-service-works-" + number);
            return connection.client(config);
        }

        /** One poll: decode, write in one transaction, then commit offsets; on a database failure, rewind and pause. */
        private void handle(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
            List<ConsumerRecord<String, byte[]>> positions = new ArrayList<>();
            List<WorkEvent> events = new ArrayList<>();
            record Invalid(ConsumerRecord<String, byte[]> record, String problem) {
            }
            List<Invalid> invalid = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                DecodedEvent decoded = DecodedEvent.decode(record.value());
                if (decoded.valid()) {
                    positions.add(record);
                    events.add(decoded.event());
                } else {
                    invalid.add(new Invalid(record, decoded.problem()));
                }
            }
            if (!events.isEmpty()) {
                try {
                    write(positions, events);
                } catch (SQLException | RuntimeException e) {
                    rewind(kafka, records);
                    retrying("The database failed (" + e.getMessage() + "); the batch will be read again", e);
                    return;
                }
            }
            // Reported once the batch is done, not on every retry of a rewound batch.
            for (Invalid skipped : invalid) {
                ConsumerRecord<String, byte[]> record = skipped.record();
                metrics.invalid();
                LOG.warnf("Skipped an invalid event at %s-%d offset %d (key %s): %s",
                        record.topic(), record.partition(), record.offset(), brief(record.key()),
                        brief(skipped.problem()));
            }
            commit(kafka, records);
            healthy();
        }

        private void healthy() {
            status = Status.CONSUMING;
            lastProblem = null;
        }

        private void write(List<ConsumerRecord<String, byte[]>> positions, List<WorkEvent> events) throws SQLException {
            Instant started = Instant.now();
            BatchResult result;
            try {
                result = writer.apply(events);
            } catch (SQLException e) {
                if (!WorkWriter.isDataError(e)) {
                    throw e;
                }
                // Some event's data is unstorable; find it without giving up the rest of the batch.
                result = writer.applyEach(events, (failure, index) -> {
                    ConsumerRecord<String, byte[]> record = positions.get(index);
                    LOG.warnf("Skipped an event the database refused at %s-%d offset %d (key %s): %s",
                            record.topic(), record.partition(), record.offset(), brief(record.key()),
                            brief(reason(failure)));
                });
            }
            metrics.batch(Duration.between(started, Instant.now()));
            metrics.record(result.counts());
            LOG.debugf("Applied %d work events: %s", events.size(), result.counts());
        }

        /**
         * Commits past the last record of each partition of the batch, invalid ones included: they are done with.
         * The consumer's position is used when it lies further: it has also stepped over the transaction's commit
         * marker, so the group's lag reaches 0 (lag-based autoscaling and monitoring would otherwise see 1 per
         * partition forever).
         */
        private void commit(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition partition : records.partitions()) {
                List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
                long next = Math.max(inPartition.get(inPartition.size() - 1).offset() + 1, kafka.position(partition));
                offsets.put(partition, new OffsetAndMetadata(next));
            }
            try {
                kafka.commitSync(offsets);
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                // E.g. the partitions moved to another instance meanwhile: it re-reads the batch and, thanks to the
                // version guard, changes nothing.
                LOG.warnf("Offsets not committed (%s); the batch may be applied again, harmlessly", e.getMessage());
            }
        }

        /** A JDBC batch failure names its statement first; the database's own reason is the next exception. */
        private static String reason(SQLException failure) {
            SQLException next = failure.getNextException();
            return next != null ? next.getMessage() : failure.getMessage();
        }

        /** Database and parser messages can quote a whole oversized value; a log line needs the start of it. */
        private static String brief(String text) {
            return text == null || text.length() <= 300 ? text
                    : text.substring(0, 300) + "… (" + text.length() + " chars)";
        }

        private void rewind(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
            for (TopicPartition partition : records.partitions()) {
                kafka.seek(partition, records.records(partition).get(0).offset());
            }
        }

        private void retrying(String problem, Exception cause) {
            if (status == Status.RETRYING) {
                LOG.warn(problem); // the stack trace was logged when the failure began
            } else {
                LOG.warn(problem, cause);
            }
            status = Status.RETRYING;
            lastProblem = problem;
            try {
                Thread.sleep(settings.retryBackoff().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
