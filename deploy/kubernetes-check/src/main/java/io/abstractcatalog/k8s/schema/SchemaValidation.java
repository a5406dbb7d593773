package io.abstractcatalog.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Validates rendered objects against the schemas of the supported Kubernetes and operator versions
 * ({@link SchemaCatalog}), plus the parameters of KEDA's Kafka scaler ({@link KedaKafkaScaler}), which KEDA's CRDs
 * leave as free strings. Each violation names the rendering, the source file, the object, the field path and the
 * schema's words.
 */
public final class SchemaValidation {

    private static final Set<String> NAMES_A_PROPERTY = Set.of("additionalProperties", "required", "dependentRequired",
            "unevaluatedProperties");

    private final SchemaCatalog catalog;
    private final KedaKafkaScaler kedaKafkaScaler;

    public SchemaValidation(SchemaCatalog catalog) {
        this.catalog = catalog;
        this.kedaKafkaScaler = KedaKafkaScaler.vendored();
    }

    /** Validates against the vendored schemas. */
    public static List<SchemaViolation> validate(List<RenderedObject> objects) {
        return new SchemaValidation(SchemaCatalog.vendored()).check(objects);
    }

    public List<SchemaViolation> check(List<RenderedObject> objects) {
        List<SchemaViolation> violations = new ArrayList<>();
        objects.forEach(object -> violations.addAll(check(object)));
        violations.addAll(kedaKafkaScaler.check(objects));
        return violations;
    }

    /** One object against the schema of its apiVersion and kind. */
    public List<SchemaViolation> check(RenderedObject object) {
        if (object.apiVersion().isEmpty() || object.kind().isEmpty()) {
            return List.of(new SchemaViolation(object.rendering(), object.source(), object.id(),
                    object.apiVersion().isEmpty() ? "apiVersion" : "kind", "missing: the API server cannot tell what this is"));
        }
        var schema = catalog.find(object.apiVersion(), object.kind());
        if (schema.isEmpty()) {
            List<String> sameKind = catalog.kinds().stream().filter(k -> k.endsWith(" " + object.kind())).sorted().toList();
            return List.of(new SchemaViolation(object.rendering(), object.source(), object.id(), "apiVersion",
                    "no schema vendored for " + object.apiVersion() + " " + object.kind()
                            + (sameKind.isEmpty() ? " (vendor the schema of the version you support: see schemas/SOURCES.md)"
                                    : " (vendored: " + String.join(", ", sameKind) + ")")));
        }
        Set<ValidationMessage> messages = schema.get().validator().validate(withoutNulls(object.body()));
        return messages.stream()
                .map(m -> new SchemaViolation(object.rendering(), object.source(), object.id(), field(m, ""),
                        words(m) + " (schema " + schema.get().file() + ")"))
                .sorted(Comparator.comparing(SchemaViolation::field).thenComparing(SchemaViolation::message))
                .toList();
    }

    /**
     * The field path of a message, e.g. {@code spec.kafka.listeners[0].tlss}: the instance location, plus the
     * property an additionalProperties or required message is about.
     */
    static String field(ValidationMessage message, String prefix) {
        String location = message.getInstanceLocation().toString();
        String path = location.startsWith("$") ? location.substring(1) : location;
        if (NAMES_A_PROPERTY.contains(message.getType()) && message.getProperty() != null) {
            String property = message.getProperty();
            path += property.matches("[A-Za-z_$][A-Za-z0-9_$-]*") ? "." + property : "['" + property + "']";
        }
        path = prefix + path;
        return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "(the object)" : path;
    }

    /** The schema's words without networknt's location prefix ("$.spec: "). */
    static String words(ValidationMessage message) {
        String text = message.getMessage();
        String prefix = message.getInstanceLocation() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /**
     * A copy without null values: the API server prunes a null field of a custom resource and decodes one of a
     * built-in type as its zero value, so neither is an error.
     */
    static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.properties().forEach(field -> {
                if (!field.getValue().isNull()) {
                    copy.set(field.getKey(), withoutNulls(field.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(item -> copy.add(withoutNulls(item)));
            return copy;
        }
        return node;
    }
}
