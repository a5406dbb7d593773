package io.abstractcatalog.ingest.health;

import io.abstractcatalog.ingest.bucket.Bucket;
import io.abstractcatalog.ingest.scan.IngestLoop;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the bucket can be read, Kafka answers and the ledger is loaded, i.e. dropped files will be ingested. */
@Readiness
@ApplicationScoped
public class IngestReadinessCheck implements HealthCheck {

    private final Bucket bucket;
    private final KafkaProbe kafka;
    private final IngestLoop loop;

    public IngestReadinessCheck(Bucket bucket, KafkaProbe kafka, IngestLoop loop) {
        this.bucket = bucket;
        this.kafka = kafka;
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ingest").up();
        try {
            bucket.probe();
            response.withData("bucket", bucket.location());
        } catch (Exception e) {
            response.down().withData("bucket", "not readable: " + e.getMessage());
        }
        try {
            response.withData("kafka", kafka.brokers() + " broker(s) answering");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.down().withData("kafka", "interrupted");
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            response.down().withData("kafka", "no answer: " + cause);
        }
        IngestLoop.Status status = loop.status();
        response.withData("ingest", status.state() + ": " + status.detail());
        // Informational: without a watch the periodic scan still finds every file.
        response.withData("watch", loop.watchState());
        if (status.state() != IngestLoop.State.RUNNING) {
            response.down();
        }
        return response.build();
    }
}
