package io.abstractcatalog.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where things are in the checkout: the manifests, the services' configuration, their Dockerfiles and builds. */
public record ProjectLayout(Path root) {

    /** The three services, as named in their module folders, Deployments and Dockerfiles. */
    public static final List<String> SERVICES = List.of("ingest-service", "dedup-service", "catalog-service");

    /** The checkout, from {@code -Dcatalog.project.root} or found upwards from the working directory. */
    public static ProjectLayout find() {
        String configured = System.getProperty("catalog.project.root");
        Path start = Path.of(configured != null ? configured : "").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("ingest-service/pom.xml")) && Files.isDirectory(dir.resolve("deploy/kubernetes"))) {
                return new ProjectLayout(dir);
            }
        }
        throw new IllegalStateException("cannot find the Abstract Catalog checkout (with ingest-service/ and deploy/kubernetes/) at or above "
                + start + "; pass -Dcatalog.project.root=…");
    }

    public Path kubernetes() {
        return root.resolve("deploy/kubernetes");
    }

    public Path overlay(String name) {
        return kubernetes().resolve("overlays").resolve(name);
    }

    public Path applicationProperties(String service) {
        return root.resolve(service).resolve("src/main/resources/application.properties");
    }

    public Path dockerfile(String service) {
        return root.resolve(service).resolve("Dockerfile");
    }

    /** What {@code mvn package} leaves for the service: Quarkus's runnable layout. */
    public Path quarkusApp(String service) {
        return root.resolve(service).resolve("target/quarkus-app");
    }
}
