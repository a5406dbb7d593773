package io.abstractcatalog.ingest.bucket;

import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.ingest.IngestConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/** Makes the configured bucket ({@code ingest.bucket.type}: {@code local} or {@code s3}) available for injection. */
public class BucketProducer {

    private static final Logger LOG = Logger.getLogger(BucketProducer.class);

    @Produces
    @Singleton
    Bucket bucket(IngestConfig config, @Identifier(KafkaConnection.CONFIG_BEAN) Map<String, Object> kafkaConfig) {
        String type = config.bucket().type().trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "s3" -> S3Bucket.fromConfig(config.bucket().name(), config.s3(), config.s3().notifications().topic()
                    .filter(topic -> !topic.isBlank())
                    .map(topic -> new BucketNotifications(KafkaConnection.of(kafkaConfig), topic)));
            case "local" -> {
                config.s3().notifications().topic().filter(topic -> !topic.isBlank()).ifPresent(topic -> LOG.warnf(
                        "ingest.s3.notifications.topic=%s is ignored: ingest.bucket.type is local, whose folder is watched"
                                + " directly", topic));
                yield local(config);
            }
            default -> throw new IllegalArgumentException("ingest.bucket.type must be 'local' or 's3', not '" + type + "'");
        };
    }

    void close(@Disposes Bucket bucket) {
        if (bucket instanceof S3Bucket s3) {
            s3.close();
        }
    }

    private static Bucket local(IngestConfig config) {
        Path path = Path.of(config.bucket().path());
        try {
            // The watch waits as long as a file must settle, so its scan finds the file ready.
            return LocalFolderBucket.createIfMissing(config.bucket().name(), path, config.scan().settleTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bucket folder " + path.toAbsolutePath(), e);
        }
    }
}
