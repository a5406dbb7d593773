package io.abstractcatalog.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.contract.FileStatus;
import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.Rejection;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.embedded.TestDirectories;
import io.abstractcatalog.ingest.TopicReader;
import io.abstractcatalog.ingest.TopicReader.Keyed;
import io.abstractcatalog.ingest.bench.LargeFileGenerator;
import io.abstractcatalog.ingest.bucket.Bucket;
import io.abstractcatalog.ingest.bucket.HashingInputStream;
import io.abstractcatalog.ingest.bucket.LocalFolderBucket;
import io.abstractcatalog.ingest.format.FormatDetector;
import io.abstractcatalog.ingest.format.ReadLimits;
import io.abstractcatalog.ingest.ledger.FileLedger;
import io.abstractcatalog.ingest.scan.BucketScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chunked commits of a long file against a real broker, and crashes between and inside chunks. The file: 1,000 JSON
 * lines (every 25th without abstract, so 960 records and 40 rejections), committed 100 candidates per transaction.
 * The first instance "dies" (an uncaught {@link Error}, its producer closed with zero timeout, its transaction left
 * open) while reading line 390: by then chunks 1-3 (candidates 0-299) are committed and chunk 4 is open.
 */
class ChunkedCommitTest {

    private static final int LINES = 1000;
    private static final int BAD_EVERY = 25;
    private static final int CHUNK = 100;
    private static final int CRASH_LINE = 390;
    private static final String FILE = "big.jsonl";

    private static String bootstrap;

    @BeforeAll
    static void startKafka() {
        bootstrap = SharedBroker.bootstrapServers();
    }

    @Test
    void aCrashInsideAChunkResumesAfterTheCommittedChunksAndEveryRecordIsSeenExactlyOnce() throws Exception {
        String bucketName = "chunks-resume";
        Path folder = TestDirectories.fresh("chunks-resume-bucket");
        Path file = generate(folder, 1);
        String hash = hashOf(file);
        Bucket bucket = new LocalFolderBucket(bucketName, folder, Duration.ofMillis(100));
        String transactionalId = "ingest-chunks-resume";

        crashFirstInstance(bucket, file, transactionalId);

        try (TransactionalPublisher second = TransactionalPublisher.connect(KafkaConnection.to(bootstrap), transactionalId)) {
            // Fenced: the first instance's open chunk is aborted and nothing more of it can arrive.
            long sentBefore = uncommittedRecords(bucketName);
            FileLedger ledger = rebuiltLedger();
            FileLedgerEntry progress = ledger.find(bucketName, FILE).orElseThrow();
            assertThat(progress.status()).isEqualTo(FileStatus.IN_PROGRESS);
            assertThat(progress.contentHash()).isEqualTo(hash);
            assertThat(progress.records() + progress.rejections()).isEqualTo(3 * CHUNK);
            assertThat(progress.rejections()).isEqualTo(3 * CHUNK / BAD_EVERY);
            assertThat(progress.firstErrors()).hasSize(FileIngestor.FIRST_ERRORS).first().asString().startsWith("line 25: ");

            List<IngestOutcome> outcomes = scanner(bucket, second, ledger).scan();

            assertThat(outcomes).hasSize(1);
            IngestOutcome outcome = outcomes.get(0);
            assertThat(outcome.entry().status()).isEqualTo(FileStatus.DONE);
            assertThat(outcome.entry().records()).isEqualTo(LINES - LINES / BAD_EVERY);
            assertThat(outcome.entry().rejections()).isEqualTo(LINES / BAD_EVERY);
            assertThat(outcome.entry().contentHash()).isEqualTo(hash);
            assertThat(outcome.resumedCandidates()).isEqualTo(3 * CHUNK);
            assertThat(outcome.transactions()).isEqualTo((LINES - 3 * CHUNK) / CHUNK + 1); // 7 full chunks, then DONE
            // The second instance sent only what came after the committed chunks: not one record of chunks 1-3.
            long sentBySecond = uncommittedRecords(bucketName) - sentBefore;
            assertThat(sentBySecond).isEqualTo(outcome.recordsPublished()).isEqualTo(outcome.entry().records() - progress.records());
        }

        // What a read_committed consumer sees: every record once, every rejection once, nothing of the aborted chunk twice.
        List<RawRecord> records = committedRecords(bucketName);
        assertThat(records).hasSize(LINES - LINES / BAD_EVERY);
        assertThat(records).extracting(RawRecord::recordId).doesNotHaveDuplicates();
        assertThat(records).extracting(record -> record.source().ordinal())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, LINES).filter(i -> i % BAD_EVERY != BAD_EVERY - 1).boxed().toList());
        List<Rejection> rejections = TopicReader.committed(bootstrap, Topics.REJECTED).stream()
                .map(Keyed::value).filter(rejection -> rejection.bucket().equals(bucketName)).toList();
        assertThat(rejections).extracting(Rejection::ordinal)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, LINES).filter(i -> i % BAD_EVERY == BAD_EVERY - 1).boxed().toList());
        // The ledger's history: one IN_PROGRESS per committed chunk (3 before the crash, 7 after), then DONE.
        List<FileLedgerEntry> history = ledgerHistory(bucketName);
        assertThat(history).hasSize(11);
        assertThat(history.subList(0, 10)).extracting(FileLedgerEntry::status).containsOnly(FileStatus.IN_PROGRESS);
        assertThat(history.subList(0, 10)).extracting(entry -> entry.records() + entry.rejections())
                .containsExactly(100, 200, 300, 400, 500, 600, 700, 800, 900, 1000);
        assertThat(history.get(10).status()).isEqualTo(FileStatus.DONE);
        assertThat(rebuiltLedger().find(bucketName, FILE).orElseThrow().status()).isEqualTo(FileStatus.DONE);
    }

    @Test
    void aFileChangedBetweenCrashAndRestartStartsOverAndItsOldChunksStayAsTheOldVersionsRecords() throws Exception {
        String bucketName = "chunks-changed";
        Path folder = TestDirectories.fresh("chunks-changed-bucket");
        Path file = generate(folder, 1);
        String oldHash = hashOf(file);
        Bucket bucket = new LocalFolderBucket(bucketName, folder, Duration.ofMillis(100));
        String transactionalId = "ingest-chunks-changed";

        crashFirstInstance(bucket, file, transactionalId);
        Path changed = generate(folder, 2); // other bytes under the same name
        String newHash = hashOf(changed);
        assertThat(newHash).isNotEqualTo(oldHash);

        try (TransactionalPublisher second = TransactionalPublisher.connect(KafkaConnection.to(bootstrap), transactionalId)) {
            FileLedger ledger = rebuiltLedger();
            assertThat(ledger.find(bucketName, FILE).orElseThrow().status()).isEqualTo(FileStatus.IN_PROGRESS);

            IngestOutcome outcome = scanner(bucket, second, ledger).scan().get(0);

            assertThat(outcome.resumedCandidates()).isZero();
            assertThat(outcome.entry().status()).isEqualTo(FileStatus.DONE);
            assertThat(outcome.entry().contentHash()).isEqualTo(newHash);
            assertThat(outcome.entry().records()).isEqualTo(LINES - LINES / BAD_EVERY);
        }

        List<RawRecord> records = committedRecords(bucketName);
        assertThat(records).extracting(RawRecord::recordId).doesNotHaveDuplicates();
        // The new bytes: all their records, with ids of their own.
        assertThat(records).filteredOn(record -> record.source().contentHash().equals(newHash)).hasSize(LINES - LINES / BAD_EVERY);
        // The old bytes' three committed chunks stay on the topic as committed records of that version (288 records):
        // a consumer sees them once, under the old content hash, and the aborted fourth chunk not at all.
        assertThat(records).filteredOn(record -> record.source().contentHash().equals(oldHash))
                .hasSize(3 * CHUNK - 3 * CHUNK / BAD_EVERY)
                .allSatisfy(record -> assertThat(record.source().ordinal()).isLessThan(3 * CHUNK));
        FileLedgerEntry last = rebuiltLedger().find(bucketName, FILE).orElseThrow();
        assertThat(last.status()).isEqualTo(FileStatus.DONE);
        assertThat(last.contentHash()).isEqualTo(newHash);
    }

    /** Ingests {@link #FILE} in chunks until the process "dies" reading line {@link #CRASH_LINE}; 3 chunks are committed. */
    private static void crashFirstInstance(Bucket bucket, Path file, String transactionalId) throws IOException {
        TransactionalPublisher first = TransactionalPublisher.connect(KafkaConnection.to(bootstrap), transactionalId);
        try {
            // The parser reads ahead (up to ~80 KB, some 70 lines) of the candidate it hands over: dying while line
            // 390 is read means candidates 300..~320 at least were handed over, i.e. chunk 4 is open, not committed.
            BucketScanner dying = scanner(new CrashingBucket(bucket, FILE, offsetOfLine(file, CRASH_LINE)), first, rebuiltLedger());
            assertThatThrownBy(dying::scan).isInstanceOf(CrashingBucket.SimulatedCrash.class);
        } finally {
            first.close(Duration.ZERO); // no commit, no abort: what a killed process leaves behind
        }
    }

    private static BucketScanner scanner(Bucket bucket, TransactionalPublisher publisher, FileLedger ledger) {
        Clock clock = Clock.systemUTC();
        FileIngestor ingestor = new FileIngestor(bucket, FormatDetector.ofKnownFormats(), publisher, ledger,
                ReadLimits.of(100_000), clock, Duration.ZERO, new Chunking(CHUNK, Duration.ZERO, 1));
        return new BucketScanner(bucket, ledger, ingestor, Duration.ofMillis(100), clock);
    }

    private static Path generate(Path folder, long seed) throws IOException {
        Path file = folder.resolve(FILE);
        Path tmp = folder.resolve(FILE + ".tmp");
        // ~1,000 lines of about 1.1 KB: stop at the line count by giving a byte target the generator reaches there.
        LargeFileGenerator.Written written = LargeFileGenerator.writeLines(tmp, LargeFileGenerator.Format.JSONL, LINES, BAD_EVERY, seed);
        assertThat(written.records() + written.rejections()).isEqualTo(LINES);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        return file;
    }

    private static long offsetOfLine(Path file, int line) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int seen = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && ++seen == line) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line " + line);
    }

    private static String hashOf(Path file) throws IOException {
        return HashingInputStream.readFully(Files.newInputStream(file)).hexDigest();
    }

    private static FileLedger rebuiltLedger() {
        FileLedger ledger = new FileLedger();
        ledger.rebuild(KafkaConnection.to(bootstrap), Duration.ofSeconds(30));
        return ledger;
    }

    private static List<RawRecord> committedRecords(String bucketName) {
        return TopicReader.committed(bootstrap, Topics.RAW).stream().map(Keyed::value)
                .filter(record -> record.source().bucket().equals(bucketName)).toList();
    }

    private static long uncommittedRecords(String bucketName) {
        return TopicReader.uncommitted(bootstrap, Topics.RAW).stream()
                .filter(keyed -> keyed.value().source().bucket().equals(bucketName)).count();
    }

    private static List<FileLedgerEntry> ledgerHistory(String bucketName) {
        return TopicReader.committed(bootstrap, Topics.FILES).stream().map(Keyed::value)
                .filter(entry -> entry.bucket().equals(bucketName)).toList();
    }
}
