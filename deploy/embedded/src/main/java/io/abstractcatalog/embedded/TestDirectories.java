package io.abstractcatalog.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh data directories under the module's {@code target/}, so {@code mvn clean} removes every trace. */
public final class TestDirectories {

    private TestDirectories() {
    }

    public static Path fresh(String name) {
        try {
            Path target = Path.of(System.getProperty("embedded.data.dir", "target"));
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for " + name, e);
        }
    }
}
