package io.abstractcatalog.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.abstractcatalog.k8s.Kustomize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a Kustomize directory (with {@link Kustomize}, like the invariant checks) through a wrapper kustomization
 * that only adds kustomize's {@code originAnnotations}, so every object says which manifest file declared it; the
 * annotation is removed again, leaving exactly what {@code kubectl kustomize} of the directory prints.
 */
public final class Rendering {

    static final String ORIGIN = "config.kubernetes.io/origin";
    private static final YAMLMapper YAML = new YAMLMapper();

    private Rendering() {
    }

    /**
     * @param directory   the overlay (or fixture) to render
     * @param label       its name in messages, e.g. {@code overlays/prod}
     * @param workDir     where the wrapper kustomization is written (e.g. target/)
     * @param projectRoot the checkout: source files are named relative to it
     */
    public static List<RenderedObject> render(Path directory, String label, Path workDir, Path projectRoot) {
        Path wrapper = workDir.toAbsolutePath().normalize().resolve("schema-rendering").resolve(label.replaceAll("[^A-Za-z0-9.-]+", "_"));
        try {
            Files.createDirectories(wrapper);
            String target = wrapper.relativize(directory.toAbsolutePath().normalize()).toString();
            Files.writeString(wrapper.resolve("kustomization.yaml"), """
                    # Written by the schema check: renders %s with the origin of every object.
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    resources:
                      - %s
                    buildMetadata: [originAnnotations]
                    """.formatted(label, target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(Kustomize.render(wrapper), label, wrapper, projectRoot);
    }

    /** The objects of a rendering made with origin annotations relative to {@code renderedIn}. */
    static List<RenderedObject> parse(String yaml, String label, Path renderedIn, Path projectRoot) {
        List<RenderedObject> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || !document.isObject()) {
                    continue;
                }
                ObjectNode body = (ObjectNode) document;
                objects.add(new RenderedObject(label, source(takeOrigin(body), renderedIn, projectRoot), body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the rendering of " + label, e);
        }
        return objects;
    }

    /** Removes the origin annotation (and the annotations map if that was all) and returns it, or null. */
    private static JsonNode takeOrigin(ObjectNode body) {
        JsonNode annotations = body.path("metadata").path("annotations");
        if (!annotations.isObject()) {
            return null;
        }
        JsonNode origin = ((ObjectNode) annotations).remove(ORIGIN);
        if (annotations.isEmpty()) {
            ((ObjectNode) body.get("metadata")).remove("annotations");
        }
        if (origin == null) {
            return null;
        }
        try {
            return YAML.readTree(origin.asText());
        } catch (IOException e) {
            return null;
        }
    }

    /** "deploy/kubernetes/base/kafka/kafka.yaml", or "ConfigMapGenerator in deploy/kubernetes/base/kustomization.yaml". */
    private static String source(JsonNode origin, Path renderedIn, Path projectRoot) {
        if (origin == null) {
            return "origin unknown";
        }
        if (origin.hasNonNull("path")) {
            return relative(origin.get("path").asText(), renderedIn, projectRoot);
        }
        if (origin.hasNonNull("configuredIn")) {
            return origin.path("configuredBy").path("kind").asText("generator") + " in "
                    + relative(origin.get("configuredIn").asText(), renderedIn, projectRoot);
        }
        return origin.toString();
    }

    private static String relative(String path, Path renderedIn, Path projectRoot) {
        Path absolute = renderedIn.resolve(path).normalize();
        Path root = projectRoot.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }
}
