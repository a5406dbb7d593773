package io.abstractcatalog.k8s.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One object of a rendering, as the plain JSON tree kustomize printed (unknown fields included, unlike a typed
 * model).
 *
 * @param rendering what was rendered, e.g. {@code overlays/prod} or {@code fixture prod-kafka-tls-scram}
 * @param source    the manifest file that declares the object, relative to the checkout, or what generated it
 *                  (e.g. {@code ConfigMapGenerator in deploy/kubernetes/base/kustomization.yaml}); patches of the
 *                  rendering may have changed it since
 * @param body      the object, without kustomize's origin annotation
 */
public record RenderedObject(String rendering, String source, ObjectNode body) {

    public String apiVersion() {
        return body.path("apiVersion").asText("");
    }

    public String kind() {
        return body.path("kind").asText("");
    }

    public String namespace() {
        return body.path("metadata").path("namespace").asText("");
    }

    public String name() {
        return body.path("metadata").path("name").asText("");
    }

    /** {@code Kafka abstract-catalog/catalog-kafka}. */
    public String id() {
        return kind() + " " + (namespace().isEmpty() ? "" : namespace() + "/") + name();
    }
}
