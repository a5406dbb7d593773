package io.abstractcatalog.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Empties the test profile's bucket folder ({@code %test.ingest.bucket.path}) before the service starts: the broker
 * is new for every run, and files left from an earlier run would be ingested again and spoil the counts.
 */
public class EmptyBucketFolder implements QuarkusTestResourceLifecycleManager {

    static final Path FOLDER = Path.of("target/test-bucket");

    @Override
    public Map<String, String> start() {
        try {
            if (Files.exists(FOLDER)) {
                try (Stream<Path> paths = Files.walk(FOLDER)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(FOLDER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + FOLDER, e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
