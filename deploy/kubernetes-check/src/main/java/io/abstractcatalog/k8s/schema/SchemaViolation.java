package io.abstractcatalog.k8s.schema;

/**
 * An object the API server would reject (or silently cut down), found by validating it against its schema.
 *
 * @param rendering the overlay or fixture rendered
 * @param source    the manifest file that declares the object (or what generated it)
 * @param object    kind, namespace and name
 * @param field     the field path, e.g. {@code spec.kafka.listeners[0].tlss}
 * @param message   the schema's words, e.g. "property 'tlss' is not defined in the schema and the schema does not
 *                  allow additional properties", and which schema said so
 */
public record SchemaViolation(String rendering, String source, String object, String field, String message) {

    @Override
    public String toString() {
        return rendering + " (" + source + "): " + object + ": " + field + ": " + message;
    }
}
