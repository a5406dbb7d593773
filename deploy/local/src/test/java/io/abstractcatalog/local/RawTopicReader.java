package io.abstractcatalog.local;

import io.abstractcatalog.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Looks at {@code abstracts.raw} as a downstream consumer would, and at its open transactions. */
final class RawTopicReader {

    private RawTopicReader() {
    }

    /**
     * True while a producer has an open transaction on the topic: the last stable offset (what read_committed
     * readers may see) then lags the high watermark on some partition.
     */
    static boolean transactionOpen(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < admin.describeTopics(List.of(Topics.RAW.name())).allTopicNames().get().get(Topics.RAW.name()).partitions().size(); p++) {
            latest.put(new TopicPartition(Topics.RAW.name(), p), OffsetSpec.latest());
        }
        var committed = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        var written = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get();
        return latest.keySet().stream().anyMatch(tp -> written.get(tp).offset() > committed.get(tp).offset());
    }

    static List<String> committedRecordIds(String bootstrapServers) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.RAW.name()));
            List<String> ids = new ArrayList<>();
            int emptyPolls = 0;
            while (emptyPolls < 5) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                records.forEach(r -> ids.add(r.key()));
            }
            return ids;
        }
    }
}
