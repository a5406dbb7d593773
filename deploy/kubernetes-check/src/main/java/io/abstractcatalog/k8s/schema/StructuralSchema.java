package io.abstractcatalog.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a Kubernetes OpenAPI v3 schema (a built-in definition or a CRD's {@code openAPIV3Schema}) into a JSON Schema
 * (draft 2020-12) that accepts what the API server accepts under strict field validation (kubectl's default):
 * <ul>
 *   <li>unknown fields are errors: an object schema with {@code properties} (and, in a CRD, any object schema) gets
 *       {@code additionalProperties: false}, unless it says {@code x-kubernetes-preserve-unknown-fields: true} or has
 *       its own {@code additionalProperties}; an embedded resource also allows apiVersion, kind and metadata;</li>
 *   <li>int-or-string ({@code x-kubernetes-int-or-string} or {@code format: int-or-string}) accepts an integer or a
 *       string, and a Quantity ({@code oneOf: [string, number]}) a string or a number;</li>
 *   <li>formats: {@code int32} becomes its range, {@code byte} a base64 pattern, {@code date-time} stays; the API
 *       server's other formats (Go durations, its own uri and hostname rules) are not JSON Schema's, so they are
 *       dropped rather than checked with different semantics;</li>
 *   <li>{@code $ref: #/components/schemas/X} becomes {@code #/$defs/X}; {@code nullable} and the other
 *       {@code x-kubernetes-*} extensions (CEL rules, list types) are dropped — nulls are removed from the objects
 *       before validation, as the API server prunes or zeroes them.</li>
 * </ul>
 */
final class StructuralSchema {

    /** Where a schema comes from: the two differ on objects that declare no fields. */
    enum Source {
        /** A built-in type: an object without properties is opaque (RawExtension, FieldsV1). */
        BUILT_IN,
        /** A CRD's structural schema: an object without properties keeps nothing (the API server prunes it all). */
        CUSTOM_RESOURCE
    }

    static final String COMPONENTS = "#/components/schemas/";
    static final String DEFS = "#/$defs/";
    private static final String BASE64 = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StructuralSchema() {
    }

    /** The JSON Schema equivalent of {@code schema}, a fresh tree (the input is not changed). */
    static ObjectNode toJsonSchema(JsonNode schema, Source source) {
        return convert(schema, source, true);
    }

    /**
     * @param structural whether this schema describes a value's own fields (properties, items, definitions), as
     *                   opposed to a branch of allOf/anyOf/oneOf/not, which must not close the object on its own
     */
    private static ObjectNode convert(JsonNode schema, Source source, boolean structural) {
        ObjectNode out = NODES.objectNode();
        if (!schema.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    value.properties().forEach(p -> properties.set(p.getKey(), convert(p.getValue(), source, true)));
                }
                case "additionalProperties", "items" ->
                        out.set(key, value.isObject() ? convert(value, source, true) : value.deepCopy());
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode branches = out.putArray(key);
                    value.forEach(branch -> branches.add(convert(branch, source, false)));
                }
                case "not" -> out.set(key, convert(value, source, false));
                case "$ref" -> out.put(key, value.asText().replace(COMPONENTS, DEFS));
                case "format", "nullable" -> {
                    // handled below (format) or meaningless once nulls are removed (nullable)
                }
                default -> {
                    if (!key.startsWith("x-kubernetes-")) {
                        out.set(key, value.deepCopy());
                    }
                }
            }
        }
        String format = schema.path("format").asText("");
        if (schema.path("x-kubernetes-int-or-string").asBoolean() || format.equals("int-or-string")) {
            replaceTypeUnion(out, List.of("integer", "string"));
        } else {
            simpleTypeUnion(out).ifPresent(types -> replaceTypeUnion(out, types));
        }
        switch (format) {
            case "int32" -> {
                if (!out.has("minimum")) {
                    out.put("minimum", Integer.MIN_VALUE);
                }
                if (!out.has("maximum")) {
                    out.put("maximum", Integer.MAX_VALUE);
                }
            }
            case "byte" -> out.put("pattern", BASE64);
            case "date-time" -> out.put("format", "date-time");
            default -> {
            }
        }
        if (structural) {
            close(schema, out, source);
        }
        return out;
    }

    /** Unknown fields are errors where the API server would drop or reject them. */
    private static void close(JsonNode schema, ObjectNode out, Source source) {
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        if (preserveUnknown || schema.has("additionalProperties")) {
            return;
        }
        boolean declaresFields = schema.has("properties");
        boolean isObject = "object".equals(schema.path("type").asText());
        if (!declaresFields && !(isObject && source == Source.CUSTOM_RESOURCE)) {
            return;
        }
        if (schema.path("x-kubernetes-embedded-resource").asBoolean()) {
            ObjectNode properties = out.has("properties") ? (ObjectNode) out.get("properties") : out.putObject("properties");
            for (String field : List.of("apiVersion", "kind")) {
                if (!properties.has(field)) {
                    properties.putObject(field).put("type", "string");
                }
            }
            if (!properties.has("metadata")) {
                properties.putObject("metadata").put("type", "object");
            }
        }
        out.put("additionalProperties", false);
    }

    /** The types of a oneOf/anyOf made only of {@code {type: X}} branches (Quantity), if that is what it is. */
    private static java.util.Optional<List<String>> simpleTypeUnion(ObjectNode schema) {
        for (String junctor : List.of("oneOf", "anyOf")) {
            JsonNode branches = schema.get(junctor);
            if (branches == null || !branches.isArray() || branches.isEmpty()) {
                continue;
            }
            List<String> types = new ArrayList<>();
            for (JsonNode branch : branches) {
                if (branch.size() != 1 || !branch.path("type").isTextual()) {
                    return java.util.Optional.empty();
                }
                types.add(branch.get("type").asText());
            }
            return java.util.Optional.of(types);
        }
        return java.util.Optional.empty();
    }

    /** One {@code type: [..]} instead of a oneOf/anyOf of types: one clear message ("boolean found, [integer, string] expected"). */
    private static void replaceTypeUnion(ObjectNode schema, List<String> types) {
        schema.remove(List.of("oneOf", "anyOf"));
        ArrayNode type = schema.putArray("type");
        types.forEach(type::add);
    }
}
