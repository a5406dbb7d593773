package io.abstractcatalog.ingest.bucket;

import io.abstractcatalog.ingest.IngestConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Makes the configured bucket available for injection. S3 joins here as a second kind. */
public class BucketProducer {

    @Produces
    @Singleton
    Bucket bucket(IngestConfig config) {
        Path path = Path.of(config.bucket().path());
        try {
            // The watch waits as long as a file must settle, so its scan finds the file ready.
            return LocalFolderBucket.createIfMissing(config.bucket().name(), path, config.scan().settleTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bucket folder " + path.toAbsolutePath(), e);
        }
    }
}
