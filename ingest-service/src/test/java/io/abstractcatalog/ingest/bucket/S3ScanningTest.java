package io.abstractcatalog.ingest.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.contract.FileStatus;
import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.TopicProvisioner;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.embedded.KafkaBroker;
import io.abstractcatalog.embedded.TestDirectories;
import io.abstractcatalog.ingest.TopicReader;
import io.abstractcatalog.ingest.format.FormatDetector;
import io.abstractcatalog.ingest.format.ReadLimits;
import io.abstractcatalog.ingest.publish.Chunking;
import io.abstractcatalog.ingest.ledger.FileLedger;
import io.abstractcatalog.ingest.publish.FileIngestor;
import io.abstractcatalog.ingest.publish.IngestOutcome;
import io.abstractcatalog.ingest.publish.TransactionalPublisher;
import io.abstractcatalog.ingest.scan.BucketScanner;
import io.abstractcatalog.ingest.scan.RetryRequests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Discovery by list polling on a real S3-compatible server (S3Proxy) and a real broker, with the ingestion classes
 * wired as the service wires them: nothing missed, nothing repeated, whatever the timestamps and key order.
 */
class S3ScanningTest {

    private static final List<String> SAMPLES = List.of("000_763c6eb23b8e6730.txt", "001_404e3f05a329715c.txt",
            "002_92fc8e9ffcbc002e.txt", "003_4445a41d3cddc1a5.txt", "004_cbec915a805da14a.txt");

    private static Path s3Data;
    private static S3ProxyServer server;
    private static S3Client client;
    private static KafkaBroker broker;
    private static String bootstrap;
    private static final List<TransactionalPublisher> PUBLISHERS = new java.util.ArrayList<>();

    @BeforeAll
    static void start() {
        s3Data = TestDirectories.fresh("s3proxy-scanning-test");
        server = S3ProxyServer.start(s3Data);
        client = server.client();
        broker = KafkaBroker.start(TestDirectories.fresh("kafka-s3-scanning"));
        bootstrap = broker.bootstrapServers();
        TopicProvisioner.ensure(KafkaConnection.to(bootstrap), Topics.ALL, 3);
    }

    @AfterAll
    static void stop() {
        PUBLISHERS.forEach(publisher -> publisher.close(Duration.ZERO));
        client.close();
        server.close();
        broker.close();
    }

    @Test
    void theFiveSamplesInAnS3BucketBecome307RecordsOnce() throws IOException {
        server.createBucket("samples");
        for (String sample : SAMPLES) {
            try (InputStream in = getClass().getResourceAsStream("/samples/" + sample)) {
                client.putObject(r -> r.bucket("samples").key("incoming/" + sample), RequestBody.fromBytes(in.readAllBytes()));
            }
        }
        client.putObject(r -> r.bucket("samples").key("outside/ignored.txt"), RequestBody.fromString("MIT\nAbstract:x.\n"));
        S3Bucket bucket = new S3Bucket("s3-samples", client, "samples", "incoming/", server.endpoint());
        Scanning scanning = new Scanning(bucket, "s3-samples");

        assertThat(scanning.scan()).containsExactlyElementsOf(SAMPLES);
        assertThat(scanning.scan()).isEmpty();

        List<RawRecord> records = recordsOf("s3-samples");
        assertThat(records).hasSize(307);
        assertThat(records).extracting(RawRecord::recordId).doesNotHaveDuplicates();
        assertThat(records).extracting(r -> r.source().key()).containsOnlyElementsOf(SAMPLES); // relative to the prefix
        assertThat(scanning.ledger.entries("s3-samples")).extracting(FileLedgerEntry::records).containsExactly(10, 10, 10, 10, 267);
    }

    @Test
    void sameTimestampsKeysSortingBeforeSeenOnesAndOverwritesAreNeitherMissedNorRepeated() throws IOException {
        server.createBucket("polling");
        S3Bucket bucket = new S3Bucket("s3-polling", client, "polling", "", server.endpoint());
        Scanning scanning = new Scanning(bucket, "s3-polling");
        Instant stamp = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);

        put("m.txt", "MIT\nAbstract:The m file.\n", stamp);
        assertThat(scanning.scan()).containsExactly("m.txt");

        // Two more objects with exactly the same last-modified time as the one already seen, one of them sorting
        // before it: a high-water mark on time or key would miss one of them.
        put("a.txt", "MIT\nAbstract:The a file.\n", stamp);
        put("n.txt", "MIT\nAbstract:The n file.\n", stamp);
        assertThat(bucket.list()).extracting(BucketObject::lastModified).containsOnly(stamp);
        assertThat(scanning.scan()).containsExactly("a.txt", "n.txt");

        // Unchanged: skipped.
        assertThat(scanning.scan()).isEmpty();

        // Overwritten with other bytes of the same size and the same timestamp (only the ETag tells): ingested again.
        String before = scanning.ledger.find("s3-polling", "m.txt").orElseThrow().contentHash();
        put("m.txt", "MIT\nAbstract:The M file.\n", stamp);
        assertThat(scanning.scan()).containsExactly("m.txt");
        assertThat(scanning.ledger.find("s3-polling", "m.txt").orElseThrow().contentHash()).isNotEqualTo(before);

        // Overwritten with the same bytes (new timestamp and all): skipped, the ledger decides.
        put("a.txt", "MIT\nAbstract:The a file.\n", Instant.now());
        assertThat(scanning.scan()).isEmpty();

        // A restarted instance (empty caches, ledger rebuilt from the topic) repeats nothing.
        assertThat(new Scanning(bucket, "s3-polling").scan()).isEmpty();

        List<RawRecord> records = recordsOf("s3-polling");
        assertThat(records).extracting(r -> r.source().key()).containsExactlyInAnyOrder("m.txt", "a.txt", "n.txt", "m.txt");
        assertThat(records).extracting(RawRecord::abstractText)
                .containsExactlyInAnyOrder("The m file.", "The a file.", "The n file.", "The M file.");
    }

    @Test
    void aFailedFileIsSkippedUntilARetryForcesOneMoreAttempt() throws IOException {
        server.createBucket("retrying");
        S3Bucket bucket = new S3Bucket("s3-retrying", client, "retrying", "", server.endpoint());
        RetryRequests retries = new RetryRequests();
        Scanning scanning = new Scanning(bucket, "s3-retrying", retries);
        put("retrying", "bad.txt", "no abstract marker anywhere, nothing to recognise\n", Instant.now());

        assertThat(scanning.scan()).containsExactly("bad.txt");
        FileLedgerEntry failed = scanning.ledger.find("s3-retrying", "bad.txt").orElseThrow();
        assertThat(failed.status()).isEqualTo(FileStatus.FAILED);
        assertThat(scanning.scan()).isEmpty();

        assertThat(retries.request(failed)).isTrue();
        assertThat(scanning.scan()).containsExactly("bad.txt");
        assertThat(scanning.ledger.find("s3-retrying", "bad.txt").orElseThrow().updatedAt()).isAfter(failed.updatedAt());
        assertThat(retries.isPending(failed.ledgerKey())).isFalse();
        assertThat(scanning.scan()).isEmpty();
    }

    private void put(String key, String content, Instant lastModified) throws IOException {
        put("polling", key, content, lastModified);
    }

    /** Stores the object, then sets its time in S3Proxy's filesystem store, so timestamps can be made equal. */
    private void put(String s3Bucket, String key, String content, Instant lastModified) throws IOException {
        client.putObject(r -> r.bucket(s3Bucket).key(key), RequestBody.fromString(content));
        Files.setLastModifiedTime(s3Data.resolve(s3Bucket).resolve(key), FileTime.from(lastModified));
    }

    private static List<RawRecord> recordsOf(String bucketName) {
        return TopicReader.committed(bootstrap, Topics.RAW).stream()
                .map(TopicReader.Keyed::value)
                .filter(record -> record.source().bucket().equals(bucketName))
                .toList();
    }

    /** One service instance: its own producer (fencing the previous one), ledger rebuilt from the topic, scanner. */
    private static final class Scanning {

        final FileLedger ledger = new FileLedger();
        final BucketScanner scanner;

        Scanning(Bucket bucket, String name) {
            this(bucket, name, new RetryRequests());
        }

        Scanning(Bucket bucket, String name, RetryRequests retries) {
            TransactionalPublisher publisher = TransactionalPublisher.connect(KafkaConnection.to(bootstrap), "ingest-test-" + name);
            PUBLISHERS.add(publisher);
            ledger.rebuild(KafkaConnection.to(bootstrap), Duration.ofSeconds(30));
            Clock clock = Clock.systemUTC();
            FileIngestor ingestor = new FileIngestor(bucket, FormatDetector.ofKnownFormats(), publisher, ledger,
                    ReadLimits.of(100_000), clock, Duration.ofSeconds(10), new Chunking(50_000, Duration.ofSeconds(20), 1));
            scanner = new BucketScanner(bucket, ledger, ingestor, Duration.ofSeconds(1), clock, retries);
        }

        /** The keys ingested by one scan, in order. */
        List<String> scan() throws IOException {
            return scanner.scan().stream().map(IngestOutcome::entry).map(FileLedgerEntry::key).toList();
        }
    }
}
