package io.abstractcatalog.ingest.metrics;

import io.abstractcatalog.ingest.publish.IngestOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters over every file this instance ingested, exposed at {@code /q/metrics}. */
@ApplicationScoped
public class IngestMetrics {

    private final Counter filesIngested;
    private final Counter filesFailed;
    private final Counter records;
    private final Counter rejections;
    private final Counter bytes;
    private final Counter uploads;
    private final Counter uploadBytes;
    private final Counter retries;
    private final Counter scans;

    public IngestMetrics(MeterRegistry registry) {
        filesIngested = Counter.builder("ingest.files.ingested").description("Files published with status DONE").register(registry);
        filesFailed = Counter.builder("ingest.files.failed").description("Files that could not be read as a whole").register(registry);
        records = Counter.builder("ingest.records").description("Raw records published").register(registry);
        rejections = Counter.builder("ingest.rejections").description("Rejected records and files").register(registry);
        bytes = Counter.builder("ingest.bytes").baseUnit("bytes").description("Bytes of the files ingested").register(registry);
        uploads = Counter.builder("ingest.uploads").description("Files stored into the bucket through PUT /files").register(registry);
        uploadBytes = Counter.builder("ingest.upload.bytes").baseUnit("bytes").description("Bytes stored through PUT /files").register(registry);
        retries = Counter.builder("ingest.retries").description("Retries of FAILED files requested through the API").register(registry);
        scans = Counter.builder("ingest.scans").description("Scans of the bucket completed (periodic, watched or notified)").register(registry);
    }

    public void scanned() {
        scans.increment();
    }

    /** Scans completed so far. */
    public long scans() {
        return (long) scans.count();
    }

    public void uploaded(long size) {
        uploads.increment();
        uploadBytes.increment(size);
    }

    public void retryRequested() {
        retries.increment();
    }

    public void record(IngestOutcome outcome) {
        (outcome.done() ? filesIngested : filesFailed).increment();
        records.increment(outcome.recordsPublished());
        rejections.increment(outcome.rejectionsPublished());
        bytes.increment(outcome.entry().size());
    }
}
