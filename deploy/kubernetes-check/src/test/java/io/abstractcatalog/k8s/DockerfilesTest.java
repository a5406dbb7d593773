package io.abstractcatalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' Dockerfiles, checked as far as possible without a Docker engine (there is none here): their
 * instructions, and the image's file layout assembled from the real {@code mvn package} output.
 */
class DockerfilesTest {

    private static final ProjectLayout LAYOUT = Rendered.LAYOUT;

    private static int port(String service) {
        return ServiceConfig.load(service, LAYOUT.applicationProperties(service)).httpPort(Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "dedup-service", "catalog-service"})
    void dockerfileFollowsTheRules(String service) {
        Dockerfile dockerfile = Dockerfile.read(LAYOUT.dockerfile(service));
        assertThat(dockerfile.violations(service, port(service))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "dedup-service", "catalog-service"})
    void buildContextExcludesBuildOutputButNotSources(String service) throws IOException {
        Path ignore = LAYOUT.dockerfile(service).resolveSibling("Dockerfile.dockerignore");
        List<String> rules = Files.readAllLines(ignore).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(rules).contains("**/target/");
        assertThat(rules).noneMatch(r -> r.contains("src") || r.contains("pom.xml") || r.contains("mvnw") || r.contains(".mvn"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "dedup-service", "catalog-service"})
    void imageLayoutIsRunnable(String service, @TempDir Path rootfs) throws IOException {
        Path app = LAYOUT.quarkusApp(service);
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            abort(service + " is not packaged (" + app + " is missing): run ./mvnw package -DskipTests to check the image layout");
        }
        Dockerfile dockerfile = Dockerfile.read(LAYOUT.dockerfile(service));
        dockerfile.assemble(LAYOUT.root(), rootfs);
        Path jar = rootfs.resolve(dockerfile.jarInImage().orElseThrow().substring(1));
        assertThat(Dockerfile.layoutViolations(jar)).isEmpty();
        // Nothing of the runnable layout is left behind (the dependency list is build information only).
        try (Stream<Path> files = Files.walk(app)) {
            List<String> missing = files.filter(Files::isRegularFile).map(f -> app.relativize(f).toString())
                    .filter(f -> !f.equals("quarkus-app-dependencies.txt"))
                    .filter(f -> !Files.isRegularFile(jar.getParent().resolve(f))).toList();
            assertThat(missing).as("files of target/quarkus-app missing from the image").isEmpty();
        }
    }

    @Test
    void brokenDockerfilesAreReported() throws IOException {
        String good = Files.readString(LAYOUT.dockerfile("catalog-service"));
        assertThat(Dockerfile.parse(good.replace("openjdk-17-runtime:1.23", "openjdk-17-runtime:latest"))
                .violations("catalog-service", 8080)).anySatisfy(v -> assertThat(v).contains("is not pinned"));
        assertThat(Dockerfile.parse(good.replace("USER 185", "USER root")).violations("catalog-service", 8080))
                .anySatisfy(v -> assertThat(v).contains("numeric non-root USER"));
        assertThat(Dockerfile.parse(good).violations("catalog-service", 9090))
                .anySatisfy(v -> assertThat(v).contains("listens on 9090"));
        assertThat(Dockerfile.parse(good).violations("dedup-service", 8080))
                .anySatisfy(v -> assertThat(v).contains("-pl dedup-service"));
    }

    @Test
    void aLayoutMissingItsBootLibrariesIsReported(@TempDir Path rootfs) throws IOException {
        Path app = LAYOUT.quarkusApp("catalog-service");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            abort("catalog-service is not packaged: run ./mvnw package -DskipTests");
        }
        String good = Files.readString(LAYOUT.dockerfile("catalog-service"));
        Dockerfile broken = Dockerfile.parse(good.replace("COPY --from=build /build/catalog-service/target/quarkus-app/lib/ /deployments/lib/\n", ""));
        broken.assemble(LAYOUT.root(), rootfs);
        assertThat(Dockerfile.layoutViolations(rootfs.resolve("deployments/quarkus-run.jar")))
                .anySatisfy(v -> assertThat(v).contains("quarkus-run.jar needs lib/boot/"));
    }
}
