package io.abstractcatalog.k8s.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object that the overlays, and each component switched on, render is valid against the schema its API
 * server would use: Kubernetes 1.33's OpenAPI, the CRDs of Strimzi 0.48.0, CloudNativePG 1.27.4, KEDA 2.18.3 and
 * Prometheus Operator 0.86.2 (src/main/resources/schemas, SOURCES.md).
 */
class ManifestSchemaTest {

    static Stream<String> renderings() {
        return Renderings.ALL.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyRenderedObjectIsValidAgainstItsSchema(String rendering) {
        List<RenderedObject> objects = Renderings.of(rendering);
        List<SchemaViolation> violations = SchemaValidation.validate(objects);
        System.out.println(rendering + ": " + objects.size() + " objects validated, " + violations.size() + " violations");
        violations.forEach(v -> System.out.println("    " + v));
        assertThat(objects).hasSizeGreaterThan(20);
        assertThat(violations).as("schema violations in " + rendering).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyObjectNamesTheFileThatDeclaresIt(String rendering) {
        assertThat(Renderings.of(rendering)).allSatisfy(o -> assertThat(o.source())
                .as(o.id()).startsWith(o.source().contains(" in ") ? o.source().substring(0, o.source().indexOf(" in ")) : "deploy/")
                .contains("deploy/kubernetes"));
    }

    /** A new component must come with a fixture that switches it on, or its objects would go unvalidated. */
    @Test
    void everyComponentIsRenderedByAFixture() throws IOException {
        List<String> components;
        try (Stream<Path> dirs = Files.list(Renderings.LAYOUT.kubernetes().resolve("components"))) {
            components = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertThat(components).isNotEmpty().allSatisfy(component -> assertThat(Renderings.ALL.entrySet())
                .as("a rendering that switches on components/" + component)
                .anySatisfy(rendering -> assertThat(Files.readString(rendering.getValue().resolve("kustomization.yaml")))
                        .contains("components/" + component)));
    }
}
