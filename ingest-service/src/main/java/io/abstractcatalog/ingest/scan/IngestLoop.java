package io.abstractcatalog.ingest.scan;

import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.TopicProvisioner;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.ingest.IngestConfig;
import io.abstractcatalog.ingest.TopicSettings;
import io.abstractcatalog.ingest.bucket.Bucket;
import io.abstractcatalog.ingest.format.FormatDetector;
import io.abstractcatalog.ingest.format.ReadLimits;
import io.abstractcatalog.ingest.ledger.FileLedger;
import io.abstractcatalog.ingest.metrics.IngestMetrics;
import io.abstractcatalog.ingest.publish.Chunking;
import io.abstractcatalog.ingest.publish.FileIngestor;
import io.abstractcatalog.ingest.publish.IngestOutcome;
import io.abstractcatalog.ingest.publish.TransactionalPublisher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.jboss.logging.Logger;

/**
 * Runs the scans of the bucket on one thread of its own, so files are ingested strictly one at a time whoever asks
 * for a scan: the periodic rescan, the folder watch, start-up. Connecting (topics, producer, ledger) happens on
 * that thread too, before the first scan, and again after Kafka trouble; until it succeeds the service is not ready
 * but keeps serving its REST API.
 */
@ApplicationScoped
public class IngestLoop {

    private static final Logger LOG = Logger.getLogger(IngestLoop.class);
    private static final Duration LEDGER_READ_TIMEOUT = Duration.ofSeconds(60);

    public enum State { CONNECTING, RUNNING, FENCED }

    /** Where the loop stands, for readiness. */
    public record Status(State state, String detail) {
    }

    private final IngestConfig config;
    private final Bucket bucket;
    private final FileLedger ledger;
    private final IngestMetrics metrics;
    private final RetryRequests retries;
    private final KafkaConnection kafka;
    private final int partitions;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ingest-loop");
        thread.setDaemon(true);
        return thread;
    });
    /** At most one scan waits behind the running one: any number of triggers meanwhile fold into it. */
    private final AtomicBoolean scanQueued = new AtomicBoolean();

    // Touched on the worker thread only (and at shutdown, once the worker has stopped).
    private TransactionalPublisher publisher;
    private BucketScanner scanner;
    private volatile Bucket.Watch watch;
    private String lastProblem;

    private volatile Status status = new Status(State.CONNECTING, "not connected to Kafka yet");

    public IngestLoop(IngestConfig config, Bucket bucket, FileLedger ledger, IngestMetrics metrics, RetryRequests retries,
                      @Identifier(KafkaConnection.CONFIG_BEAN) Map<String, Object> kafkaConfig,
                      TopicSettings topics) {
        this.config = config;
        this.bucket = bucket;
        this.ledger = ledger;
        this.metrics = metrics;
        this.retries = retries;
        this.kafka = KafkaConnection.of(kafkaConfig);
        this.partitions = topics.partitions();
    }

    void onStart(@Observes StartupEvent event) {
        requestScan();
    }

    @Scheduled(every = "${ingest.scan.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rescan() {
        requestScan();
    }

    /** Asks for a scan as soon as the loop is free; returns at once. */
    public void requestScan() {
        if (scanQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::scan);
            } catch (RejectedExecutionException e) {
                scanQueued.set(false); // shutting down
            }
        }
    }

    /** How new files are noticed between periodic scans (folder watch, bucket notifications or nothing). */
    public String watchState() {
        Bucket.Watch current = watch;
        return current == null ? "not started: the bucket is watched once Kafka is connected" : current.state();
    }

    public Status status() {
        return status;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (watch != null) {
            watch.close();
        }
        worker.shutdown();
        try {
            // Still connecting (Kafka away): nothing to finish. Otherwise let the file in hand finish; past that,
            // interrupting is safe too: its transaction is never committed and the next start redoes the file.
            if (status.state() != State.RUNNING || !worker.awaitTermination(10, TimeUnit.SECONDS)) {
                worker.shutdownNow();
                worker.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        disconnect(Duration.ofSeconds(5));
    }

    private void scan() {
        scanQueued.set(false);
        if (status.state() == State.FENCED) {
            return;
        }
        try {
            if (scanner == null) {
                connect();
            }
            for (IngestOutcome outcome : scanner.scan()) {
                metrics.record(outcome);
            }
            metrics.scanned();
        } catch (ProducerFencedException e) {
            status = new Status(State.FENCED, "another instance took over transactional id " + config.transactionalId()
                    + "; this one stopped ingesting");
            LOG.error(status.detail());
            disconnect(Duration.ZERO);
        } catch (IOException e) {
            reportOnce("cannot list bucket " + bucket.location() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // Kafka trouble the producer cannot recover from: start over with a fresh producer and ledger.
            status = new Status(State.CONNECTING, String.valueOf(e.getMessage()));
            reportOnce("ingestion paused, reconnecting on the next scan: " + e);
            disconnect(Duration.ZERO);
        }
    }

    private void connect() {
        TopicProvisioner.ensure(kafka, Topics.ALL, partitions);
        // Fence first, then read the ledger: a crashed instance's open transaction is aborted by then.
        TransactionalPublisher connected = TransactionalPublisher.connect(kafka, config.transactionalId(),
                new TransactionalPublisher.Batching((int) config.producer().batchSize().asLongValue(),
                        config.producer().linger(), config.producer().compression()));
        try {
            ledger.rebuild(kafka, LEDGER_READ_TIMEOUT);
        } catch (RuntimeException e) {
            connected.close(Duration.ZERO);
            throw e;
        }
        publisher = connected;
        Clock clock = Clock.systemUTC();
        FileIngestor ingestor = new FileIngestor(bucket, FormatDetector.ofKnownFormats(), publisher, ledger,
                new ReadLimits(config.maxRecordLength(), config.maxFileSize().asLongValue()), clock,
                config.progressInterval(), new Chunking(config.chunk().records(), config.chunk().maxDuration(),
                config.chunk().files()));
        scanner = new BucketScanner(bucket, ledger, ingestor, config.scan().settleTime(), clock, retries);
        if (watch == null) {
            watch = bucket.watch(this::requestScan);
        }
        status = new Status(State.RUNNING, "ingesting bucket '" + bucket.name() + "' at " + bucket.location());
        lastProblem = null;
        LOG.infof("%s as transactional id %s, Kafka at %s", status.detail(), config.transactionalId(), kafka);
    }

    private void disconnect(Duration timeout) {
        scanner = null;
        if (publisher != null) {
            try {
                publisher.close(timeout);
            } catch (RuntimeException e) {
                LOG.debugf(e, "closing the producer");
            }
            publisher = null;
        }
    }

    private void reportOnce(String problem) {
        if (!problem.equals(lastProblem)) {
            LOG.warn(problem);
            lastProblem = problem;
        }
    }
}
