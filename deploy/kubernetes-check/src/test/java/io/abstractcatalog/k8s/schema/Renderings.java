package io.abstractcatalog.k8s.schema;

import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.abstractcatalog.k8s.Kustomize;
import io.abstractcatalog.k8s.ProjectLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the schema tests validate: the real overlays, and the fixture overlays that switch each component on (the
 * fixtures of the invariant tests, src/test/resources/overlays). Rendered once per run; without kubectl or kustomize
 * the tests are skipped loudly, like the invariant tests ({@code -Dkustomize.required=true} makes that a failure).
 */
final class Renderings {

    static final ProjectLayout LAYOUT = ProjectLayout.find();
    static final Path FIXTURES = Path.of("src/test/resources/overlays").toAbsolutePath();

    /** Every rendering: label → directory. Each component is switched on by one fixture (ManifestSchemaTest checks that). */
    static final Map<String, Path> ALL = Map.of(
            "overlays/dev", LAYOUT.overlay("dev"),
            "overlays/prod", LAYOUT.overlay("prod"),
            "fixture prod-external-s3", FIXTURES.resolve("prod-external-s3"),
            "fixture prod-kafka-tls-scram", FIXTURES.resolve("prod-kafka-tls-scram"));

    private static final Map<String, List<RenderedObject>> CACHE = new ConcurrentHashMap<>();

    private Renderings() {
    }

    /** The objects of a rendering; each call gets its own copies, free to break. */
    static List<RenderedObject> of(String label) {
        if (Kustomize.command().isEmpty()) {
            System.err.println("WARNING: " + Kustomize.unavailableReason());
            if (Boolean.getBoolean("kustomize.required")) {
                throw new AssertionError(Kustomize.unavailableReason() + " (-Dkustomize.required=true)");
            }
            abort(Kustomize.unavailableReason());
        }
        Path directory = ALL.get(label);
        if (directory == null) {
            throw new IllegalArgumentException("no rendering " + label + "; known: " + ALL.keySet());
        }
        return CACHE.computeIfAbsent(label, l -> Rendering.render(directory, l, Path.of("target"), LAYOUT.root())).stream()
                .map(o -> new RenderedObject(o.rendering(), o.source(), o.body().deepCopy()))
                .toList();
    }

    /** One object of a rendering by kind and name (a generated one also by its name without kustomize's hash). */
    static RenderedObject object(List<RenderedObject> objects, String kind, String name) {
        return objects.stream().filter(o -> o.kind().equals(kind) && (o.name().equals(name) || o.name().matches(name + "-[a-z0-9]{10}")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendering"));
    }

    static ObjectNode spec(RenderedObject object) {
        return (ObjectNode) object.body().get("spec");
    }
}
