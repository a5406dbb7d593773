package io.abstractcatalog.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.contract.FileStatus;
import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.embedded.TestDirectories;
import io.abstractcatalog.ingest.TopicReader;
import io.abstractcatalog.ingest.TopicReader.Keyed;
import io.abstractcatalog.ingest.bucket.Bucket;
import io.abstractcatalog.ingest.bucket.LocalFolderBucket;
import io.abstractcatalog.ingest.format.FormatDetector;
import io.abstractcatalog.ingest.format.ReadLimits;
import io.abstractcatalog.ingest.ledger.FileLedger;
import io.abstractcatalog.ingest.scan.BucketScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exactly once per file across a crash, against a real broker: the ingestion classes are wired by hand, the way
 * the service wires them, and one instance is "killed" in the middle of a file's transaction.
 */
class CrashRecoveryTest {

    private static final List<String> SAMPLES = List.of("000_763c6eb23b8e6730.txt", "001_404e3f05a329715c.txt",
            "002_92fc8e9ffcbc002e.txt", "003_4445a41d3cddc1a5.txt", "004_cbec915a805da14a.txt");
    private static final String LAST = "004_cbec915a805da14a.txt";

    private static String bootstrap;

    @BeforeAll
    static void startKafka() {
        bootstrap = SharedBroker.bootstrapServers();
    }

    @Test
    void fileInterruptedMidTransactionIsRedoneAndEveryRecordIsSeenExactlyOnce() throws Exception {
        Path folder = bucketWithSamples();
        String transactionalId = "ingest-service-crash-test";
        Bucket bucket = new LocalFolderBucket("crash", folder, Duration.ofMillis(100));

        // First instance: ingests 000-003, then dies 200 KB into 004 (267 records, ~347 KB).
        TransactionalPublisher first = TransactionalPublisher.connect(KafkaConnection.to(bootstrap), transactionalId);
        Bucket dying = new CrashingBucket(bucket, LAST, 200_000);
        BucketScanner firstScanner = scanner(dying, first, rebuiltLedger());
        assertThatThrownBy(firstScanner::scan).isInstanceOf(CrashingBucket.SimulatedCrash.class);
        // Part of 004 reached the broker inside the open transaction before the "crash".
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsOf(TopicReader.uncommitted(bootstrap, Topics.RAW), LAST) > 0);
        first.close(Duration.ZERO); // no commit, no abort: what a killed process leaves behind

        // Second instance, same transactional id: fences the first one, whose transaction the broker aborts.
        try (TransactionalPublisher second = TransactionalPublisher.connect(KafkaConnection.to(bootstrap), transactionalId)) {
            FileLedger ledger = rebuiltLedger();
            assertThat(ledger.entries("crash")).extracting(FileLedgerEntry::key).containsExactlyElementsOf(SAMPLES.subList(0, 4));
            assertThat(ledger.entries("crash")).extracting(FileLedgerEntry::status).containsOnly(FileStatus.DONE);

            List<IngestOutcome> outcomes = scanner(bucket, second, ledger).scan();

            assertThat(outcomes).extracting(outcome -> outcome.entry().key()).containsExactly(LAST);
            assertThat(outcomes.get(0).entry().records()).isEqualTo(267);
        }

        List<Keyed<RawRecord>> committed = TopicReader.committed(bootstrap, Topics.RAW);
        List<RawRecord> crashBucketRecords = committed.stream().map(Keyed::value)
                .filter(record -> record.source().bucket().equals("crash")).toList();
        assertThat(crashBucketRecords).hasSize(307);
        assertThat(crashBucketRecords).extracting(RawRecord::recordId).doesNotHaveDuplicates();
        assertThat(committed).allSatisfy(keyed -> assertThat(keyed.key()).isEqualTo(keyed.value().recordId()));
        // The aborted half of 004 is on the log all the same; only read_committed hides it.
        assertThat(recordsOf(TopicReader.uncommitted(bootstrap, Topics.RAW), LAST)).isGreaterThan(267);
        // One DONE entry per file: the files finished before the crash were not ingested again.
        List<FileLedgerEntry> ledgerEvents = TopicReader.committed(bootstrap, Topics.FILES).stream()
                .map(Keyed::value).filter(entry -> entry.bucket().equals("crash")).toList();
        assertThat(ledgerEvents).extracting(FileLedgerEntry::key).containsExactlyElementsOf(SAMPLES);
        assertThat(ledgerEvents).extracting(FileLedgerEntry::status).containsOnly(FileStatus.DONE);
    }

    @Test
    void anOlderInstanceStillRunningIsFencedAndPublishesNothing() throws Exception {
        Path folder = bucketWithSamples();
        String transactionalId = "ingest-service-fencing-test";
        Bucket bucket = new LocalFolderBucket("fencing", folder, Duration.ofMillis(100));
        TransactionalPublisher older = TransactionalPublisher.connect(KafkaConnection.to(bootstrap), transactionalId);
        try (TransactionalPublisher newer = TransactionalPublisher.connect(KafkaConnection.to(bootstrap), transactionalId)) {
            BucketScanner olderScanner = scanner(bucket, older, rebuiltLedger());

            assertThatThrownBy(olderScanner::scan).isInstanceOf(ProducerFencedException.class);
        } finally {
            older.close(Duration.ZERO);
        }
        assertThat(TopicReader.committed(bootstrap, Topics.RAW))
                .noneMatch(keyed -> keyed.value().source().bucket().equals("fencing"));
    }

    @Test
    void filesSharingATransactionAreAllRedoneAfterACrashAndSeenExactlyOnce() throws Exception {
        Path folder = bucketWithSamples();
        String transactionalId = "ingest-service-shared-crash-test";
        Bucket bucket = new LocalFolderBucket("shared-crash", folder, Duration.ofMillis(100));
        Chunking shared = new Chunking(50_000, Duration.ZERO, 10);

        // 000-003 are published in the open transaction, then the instance dies inside 004: nothing is committed.
        TransactionalPublisher first = TransactionalPublisher.connect(KafkaConnection.to(bootstrap), transactionalId);
        BucketScanner firstScanner = scanner(new CrashingBucket(bucket, LAST, 200_000), first, rebuiltLedger(), shared);
        assertThatThrownBy(firstScanner::scan).isInstanceOf(CrashingBucket.SimulatedCrash.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> recordsOf(TopicReader.uncommitted(bootstrap, Topics.RAW),
                LAST, "shared-crash") > 0);
        first.close(Duration.ZERO);

        try (TransactionalPublisher second = TransactionalPublisher.connect(KafkaConnection.to(bootstrap), transactionalId)) {
            FileLedger ledger = rebuiltLedger();
            assertThat(ledger.entries("shared-crash")).isEmpty();

            List<IngestOutcome> outcomes = scanner(bucket, second, ledger, shared).scan();

            assertThat(outcomes).extracting(outcome -> outcome.entry().key()).containsExactlyElementsOf(SAMPLES);
            assertThat(ledger.entries("shared-crash")).extracting(FileLedgerEntry::status).containsOnly(FileStatus.DONE);
        }
        List<RawRecord> committed = TopicReader.committed(bootstrap, Topics.RAW).stream().map(Keyed::value)
                .filter(record -> record.source().bucket().equals("shared-crash")).toList();
        assertThat(committed).hasSize(307);
        assertThat(committed).extracting(RawRecord::recordId).doesNotHaveDuplicates();
        // The aborted first attempt of 000 is on the log all the same; only read_committed hides it.
        assertThat(recordsOf(TopicReader.uncommitted(bootstrap, Topics.RAW), SAMPLES.get(0), "shared-crash"))
                .isGreaterThan(recordsOf(TopicReader.committed(bootstrap, Topics.RAW), SAMPLES.get(0), "shared-crash"));
        List<FileLedgerEntry> ledgerEvents = TopicReader.committed(bootstrap, Topics.FILES).stream()
                .map(Keyed::value).filter(entry -> entry.bucket().equals("shared-crash")).toList();
        assertThat(ledgerEvents).extracting(FileLedgerEntry::key).containsExactlyElementsOf(SAMPLES);
    }

    @Test
    void aBadFileInASharedTransactionFailsAloneAndTheFilesBeforeItAreCommittedOnce() throws Exception {
        Path folder = bucketWithSamples();
        String bad = "002_zz_latin1.txt"; // sorts between 002 and 003: 000-002 share its transaction
        Files.write(folder.resolve(bad), "Abstract: caf\u00e9 cr\u00e8me".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Files.setLastModifiedTime(folder.resolve(bad), FileTime.from(Instant.now().minusSeconds(60)));
        Bucket bucket = new LocalFolderBucket("shared-bad", folder, Duration.ofMillis(100));

        List<IngestOutcome> outcomes;
        FileLedger ledger = rebuiltLedger();
        try (TransactionalPublisher publisher = TransactionalPublisher.connect(KafkaConnection.to(bootstrap),
                "ingest-service-shared-bad-test")) {
            outcomes = scanner(bucket, publisher, ledger, new Chunking(50_000, Duration.ZERO, 10)).scan();
        }

        assertThat(outcomes).extracting(outcome -> outcome.entry().key())
                .containsExactlyInAnyOrder(SAMPLES.get(0), SAMPLES.get(1), SAMPLES.get(2), bad, SAMPLES.get(3), LAST);
        assertThat(outcomes).filteredOn(outcome -> !outcome.done()).extracting(outcome -> outcome.entry().key())
                .containsExactly(bad);
        assertThat(ledger.find("shared-bad", bad).orElseThrow().firstErrors()).singleElement().asString()
                .contains("not valid UTF-8");
        List<RawRecord> committed = TopicReader.committed(bootstrap, Topics.RAW).stream().map(Keyed::value)
                .filter(record -> record.source().bucket().equals("shared-bad")).toList();
        assertThat(committed).hasSize(307);
        assertThat(committed).extracting(RawRecord::recordId).doesNotHaveDuplicates();
        // One entry per file on the ledger topic: the files aborted with the bad one were committed once, after it.
        List<FileLedgerEntry> ledgerEvents = TopicReader.committed(bootstrap, Topics.FILES).stream()
                .map(Keyed::value).filter(entry -> entry.bucket().equals("shared-bad")).toList();
        assertThat(ledgerEvents).extracting(FileLedgerEntry::key).doesNotHaveDuplicates().hasSize(6);
        assertThat(TopicReader.committed(bootstrap, Topics.REJECTED)).extracting(Keyed::key)
                .containsOnlyOnce("shared-bad/" + bad);
    }

    private static BucketScanner scanner(Bucket bucket, TransactionalPublisher publisher, FileLedger ledger) {
        // Small files, one per transaction: never chunked here (ChunkedCommitTest covers chunks).
        return scanner(bucket, publisher, ledger, new Chunking(50_000, Duration.ofSeconds(20), 1));
    }

    private static BucketScanner scanner(Bucket bucket, TransactionalPublisher publisher, FileLedger ledger,
                                         Chunking chunking) {
        Clock clock = Clock.systemUTC();
        FileIngestor ingestor = new FileIngestor(bucket, FormatDetector.ofKnownFormats(), publisher, ledger,
                ReadLimits.of(100_000), clock, Duration.ofSeconds(10), chunking);
        return new BucketScanner(bucket, ledger, ingestor, Duration.ofMillis(100), clock);
    }

    private static FileLedger rebuiltLedger() {
        FileLedger ledger = new FileLedger();
        ledger.rebuild(KafkaConnection.to(bootstrap), Duration.ofSeconds(30));
        return ledger;
    }

    private static long recordsOf(List<Keyed<RawRecord>> records, String key) {
        return records.stream().filter(keyed -> keyed.value().source().key().equals(key)).count();
    }

    private static long recordsOf(List<Keyed<RawRecord>> records, String key, String bucket) {
        return records.stream().filter(keyed -> keyed.value().source().key().equals(key)
                && keyed.value().source().bucket().equals(bucket)).count();
    }

    private static Path bucketWithSamples() throws IOException {
        Path folder = TestDirectories.fresh("crash-bucket");
        FileTime settled = FileTime.from(Instant.now().minusSeconds(60));
        for (String sample : SAMPLES) {
            try (InputStream in = CrashRecoveryTest.class.getResourceAsStream("/samples/" + sample)) {
                Files.copy(in, folder.resolve(sample));
            }
            Files.setLastModifiedTime(folder.resolve(sample), settled);
        }
        return folder;
    }
}
