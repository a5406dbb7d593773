package io.abstractcatalog.ingest.ledger;

import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.contract.FileStatus;
import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.Topics;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The in-memory view of the file ledger. The compacted topic {@link Topics#FILES} is the truth: the view is rebuilt
 * from it at start and then kept current by the ingestor, which is the only writer for its bucket (its
 * transactional id fences any other). Reading with {@code read_committed} matters: an entry of a transaction that
 * a crash left open or aborted must never count as DONE.
 */
public final class FileLedger {

    private static final Logger LOG = Logger.getLogger(FileLedger.class);

    private final Map<String, FileLedgerEntry> entries = new ConcurrentHashMap<>();

    /** Replaces the view with the topic's content, read from the beginning up to its last committed entry. */
    public void rebuild(KafkaConnection kafka, Duration timeout) {
        Map<String, Object> config = kafka.client(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "ingest-ledger-reader"));
        Map<String, FileLedgerEntry> fresh = new HashMap<>();
        // Values stay bytes until apply(): an unreadable entry is skipped there, not an exception out of poll().
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            // No consumer group: every instance reads the whole ledger and commits nothing.
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.FILES.name(), timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + Topics.FILES + " does not exist");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // With read_committed these are the last stable offsets: everything up to them is decided.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the ledger topic " + Topics.FILES + " was not read to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(fresh, record);
                }
            }
        }
        entries.clear();
        entries.putAll(fresh);
        LOG.infof("ledger rebuilt from %s: %d files", Topics.FILES, fresh.size());
    }

    /** Takes in an entry this instance has just committed. */
    public void record(FileLedgerEntry entry) {
        entries.put(entry.ledgerKey(), entry);
    }

    public Optional<FileLedgerEntry> find(String bucket, String key) {
        return Optional.ofNullable(entries.get(FileLedgerEntry.ledgerKey(bucket, key)));
    }

    /** The entries of one bucket, in key order. */
    public List<FileLedgerEntry> entries(String bucket) {
        return entries.values().stream()
                .filter(entry -> entry.bucket().equals(bucket))
                .sorted(Comparator.comparing(FileLedgerEntry::key))
                .toList();
    }

    /**
     * Whether these exact bytes were already dealt with: DONE, or FAILED for a reason that lies in the bytes
     * themselves, so trying again would fail again. A changed file has another hash and is ingested anew.
     */
    public boolean hasSettled(String bucket, String key, String contentHash) {
        return find(bucket, key)
                .filter(entry -> entry.contentHash().equals(contentHash))
                .filter(entry -> entry.status() == FileStatus.DONE || entry.status() == FileStatus.FAILED)
                .isPresent();
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static void apply(Map<String, FileLedgerEntry> view, ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            view.remove(record.key()); // a tombstone: the file was forgotten on purpose
            return;
        }
        try {
            FileLedgerEntry entry = Topics.FILES.valueSerde().deserializer().deserialize(record.topic(), record.value());
            view.put(record.key() != null ? record.key() : entry.ledgerKey(), entry);
        } catch (RuntimeException e) {
            // One unreadable entry must not stop the service; the file it described is simply ingested again.
            LOG.warnf("skipping unreadable ledger entry at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }
}
