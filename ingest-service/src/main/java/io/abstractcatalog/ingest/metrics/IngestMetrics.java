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

    public IngestMetrics(MeterRegistry registry) {
        filesIngested = Counter.builder("ingest.files.ingested").description("Files published with status DONE").register(registry);
        filesFailed = Counter.builder("ingest.files.failed").description("Files that could not be read as a whole").register(registry);
        records = Counter.builder("ingest.records").description("Raw records published").register(registry);
        rejections = Counter.builder("ingest.rejections").description("Rejected records and files").register(registry);
        bytes = Counter.builder("ingest.bytes").baseUnit("bytes").description("Bytes of the files ingested").register(registry);
    }

    public void record(IngestOutcome outcome) {
        (outcome.done() ? filesIngested : filesFailed).increment();
        records.increment(outcome.entry().records());
        rejections.increment(outcome.entry().rejections());
        bytes.increment(outcome.entry().size());
    }
}
