package io.abstractcatalog.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack runs: the project checkout (to find the services' packaged apps), the bucket folder that
 * ingest-service watches, a data folder for Kafka, PostgreSQL and Kafka Streams state, the HTTP ports, and whether
 * the catalog reads from a streaming replica of its PostgreSQL ({@code readReplica}) as it would in a cluster.
 */
public record StackSettings(Path projectRoot, Path bucket, Path dataDir, int catalogPort, int ingestPort,
                            int dedupPort, int partitions, boolean readReplica) {

    public static final int DEFAULT_CATALOG_PORT = 8080;
    public static final int DEFAULT_INGEST_PORT = 8081;
    public static final int DEFAULT_DEDUP_PORT = 8082;

    /** Settings for a test: everything under {@code workDir}, every port free. */
    public static StackSettings forTest(Path projectRoot, Path workDir) {
        return new StackSettings(projectRoot, workDir.resolve("bucket"), workDir.resolve("data"),
                freePort(), freePort(), freePort(), 3, false);
    }

    /** The same settings with the catalog's searches and lookups served by a streaming replica. */
    public StackSettings withReadReplica() {
        return new StackSettings(projectRoot, bucket, dataDir, catalogPort, ingestPort, dedupPort, partitions, true);
    }

    /** The checkout that holds {@code ingest-service/}, found from the given property or upwards from here. */
    public static Path findProjectRoot() {
        String configured = System.getProperty("catalog.project.root");
        Path start = Path.of(configured != null ? configured : "").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("ingest-service/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Abstract Catalog checkout (a folder with ingest-service/pom.xml) at or above "
                + start + "; run from inside the checkout or pass -Dcatalog.project.root=…");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
