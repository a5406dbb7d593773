package io.abstractcatalog.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.TopicProvisioner;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.dedup.eval.Datasets;
import io.abstractcatalog.dedup.eval.SyntheticDuplicates;
import io.abstractcatalog.dedup.match.MatchConfig;
import io.abstractcatalog.dedup.topology.DedupTopology;
import io.abstractcatalog.dedup.topology.WorksTopicView;
import io.abstractcatalog.embedded.KafkaBroker;
import io.abstractcatalog.embedded.TestDirectories;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a real broker (embedded KRaft), with a 4-partition raw topic: a dedup instance is killed mid-stream (closed
 * with a zero timeout, its open transaction aborted, its local state thrown away), then two instances with the same
 * application id take over and finish. The works they end with equal an uninterrupted run of the same topology —
 * by membership, surviving ids and content — so a crash, a changelog restore and a scale-out change nothing.
 */
class KillAndRestartTest {

    private static final int PARTITIONS = 4;
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(TestDirectories.fresh("kill-restart-kafka"));
        TopicProvisioner.ensure(KafkaConnection.to(broker.bootstrapServers()), Topics.ALL, PARTITIONS);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aKilledInstanceRestartedAsTwoEndsWithTheSameWorksAsAnUninterruptedRun() throws Exception {
        List<RawRecord> records = input();
        WorksTopicView uninterrupted = uninterrupted(records);
        String applicationId = "dedup-kill-" + UUID.randomUUID();

        produce(records.subList(0, records.size() / 2));
        KafkaStreams first = start(applicationId, "first");
        try (KafkaConsumer<String, WorkEvent> reader = committedReader()) {
            reader.subscribe(List.of(Topics.WORKS.name()));
            List<WorkEvent> events = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                reader.poll(Duration.ofMillis(100)).forEach(r -> events.add(r.value()));
                return events.size() >= 20; // mid-stream: some works are out, most records are not processed
            });
            produce(records.subList(records.size() / 2, records.size()));
            first.close(Duration.ZERO); // killed: no final commit; the next owners start with empty disks and restore from the changelogs

            KafkaStreams second = start(applicationId, "second-a");
            KafkaStreams third = start(applicationId, "second-b");
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    reader.poll(Duration.ofMillis(100)).forEach(r -> events.add(r.value()));
                    WorksTopicView view = WorksTopicView.of(events);
                    assertThat(view.membership()).isEqualTo(uninterrupted.membership());
                    assertThat(view.worksWithoutVersion()).isEqualTo(uninterrupted.worksWithoutVersion());
                });
            } finally {
                second.close(Duration.ofSeconds(10));
                third.close(Duration.ofSeconds(10));
            }
        }
    }

    /** The 307 sample records and 60 near-duplicates of them: merges, redirects and pending candidates happen. */
    private static List<RawRecord> input() {
        List<RawRecord> samples = Datasets.samples().records();
        List<RawRecord> records = new ArrayList<>(samples);
        Random random = new Random(7);
        List<String> sentences = List.of("We also discuss limitations.", "Code and data are released.");
        for (int i = 0; i < 60; i++) {
            RawRecord base = samples.get(random.nextInt(samples.size()));
            records.add(RawRecords.record("copy.txt", i, null, SyntheticDuplicates.edit(base.abstractText(), random, sentences)));
        }
        java.util.Collections.shuffle(records, random);
        return records;
    }

    private static WorksTopicView uninterrupted(List<RawRecord> records) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "reference");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(
                DedupTopology.build(MatchConfig.DEFAULTS, Stores::inMemoryKeyValueStore, PARTITIONS), config)) {
            TestInputTopic<String, RawRecord> raw = driver.createInputTopic(Topics.RAW.name(),
                    Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
            records.forEach(r -> raw.pipeInput(r.recordId(), r));
            return WorksTopicView.of(driver.createOutputTopic(Topics.WORKS.name(),
                    Topics.WORKS.keySerde().deserializer(), Topics.WORKS.valueSerde().deserializer()).readValuesToList());
        }
    }

    private static KafkaStreams start(String applicationId, String instance) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.STATE_DIR_CONFIG, TestDirectories.fresh("kill-restart-state-" + instance).toString());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        KafkaStreams streams = new KafkaStreams(DedupTopology.build(PARTITIONS), config);
        streams.start();
        return streams;
    }

    private static void produce(List<RawRecord> records) {
        try (KafkaProducer<String, RawRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "kill-test-" + UUID.randomUUID()),
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(r -> producer.send(new ProducerRecord<>(Topics.RAW.name(), r.recordId(), r)));
            producer.commitTransaction();
        }
    }

    private static KafkaConsumer<String, WorkEvent> committedReader() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Topics.WORKS.keySerde().deserializer(), Topics.WORKS.valueSerde().deserializer());
    }
}
