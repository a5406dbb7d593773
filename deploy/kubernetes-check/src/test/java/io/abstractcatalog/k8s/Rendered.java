package io.abstractcatalog.k8s;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders each Kustomize directory once per test run (kubectl kustomize takes ~0.2 s each) and keeps a copy under
 * target/rendered/ for people to read. Without kubectl or kustomize on the PATH the tests that need a rendering are
 * skipped, loudly: the message says that the manifests were not checked ({@code -Dkustomize.required=true} makes
 * that a failure instead, for CI).
 */
public final class Rendered {

    public static final ProjectLayout LAYOUT = ProjectLayout.find();
    /** Test fixtures: overlays built on the real ones (src/test/resources/overlays). */
    static final Path FIXTURES = Path.of("src/test/resources/overlays").toAbsolutePath();

    private static final Map<Path, String> CACHE = new ConcurrentHashMap<>();

    private Rendered() {
    }

    public static String overlayYaml(String overlay) {
        return yaml(LAYOUT.overlay(overlay), overlay);
    }

    public static Manifests overlay(String overlay) {
        return Manifests.parse(overlayYaml(overlay));
    }

    public static Manifests fixture(String name) {
        return Manifests.parse(yaml(FIXTURES.resolve(name), "fixture-" + name));
    }

    static String yaml(Path dir, String label) {
        if (Kustomize.command().isEmpty()) {
            System.err.println("WARNING: " + Kustomize.unavailableReason());
            if (Boolean.getBoolean("kustomize.required")) {
                throw new AssertionError(Kustomize.unavailableReason() + " (-Dkustomize.required=true)");
            }
            abort(Kustomize.unavailableReason());
        }
        return CACHE.computeIfAbsent(dir, d -> {
            String yaml = Kustomize.render(d);
            try {
                Path copy = Path.of("target/rendered").resolve(label + ".yaml");
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, yaml);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return yaml;
        });
    }
}
