package io.abstractcatalog.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * KEDA's Kafka scaler reads its settings by name from a {@code kafka} trigger's {@code metadata} and from the
 * parameters of the TriggerAuthentication the trigger refers to; KEDA's CRDs declare both as free strings, so a
 * misspelt name passes the CRD and the scaler silently ignores it (an unauthenticated or unencrypted connection, a
 * default threshold). This checks them against {@code schemas/keda-kafka-scaler-2.18.3.schema.json}, which lists the
 * names (and parsed values) of KEDA 2.18.3's scaler.
 */
final class KedaKafkaScaler {

    static final String FILE = "keda-kafka-scaler-2.18.3.schema.json";
    private static final List<String> PARAMETER_LISTS = List.of("secretTargetRef", "env", "configMapTargetRef");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchema triggerMetadata;
    private final JsonSchema authenticationParameters;
    private final JsonSchema authenticationValues;

    private KedaKafkaScaler(JsonNode document) {
        this.triggerMetadata = definition(document, "triggerMetadata");
        this.authenticationParameters = definition(document, "authenticationParameters");
        this.authenticationValues = definition(document, "authenticationValues");
    }

    static KedaKafkaScaler vendored() {
        return new KedaKafkaScaler(SchemaCatalog.parse(JSON, FILE));
    }

    private static JsonSchema definition(JsonNode document, String name) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/$defs/" + name);
        root.set("$defs", document.get("$defs"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(root, SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build());
    }

    List<SchemaViolation> check(List<RenderedObject> objects) {
        List<SchemaViolation> violations = new ArrayList<>();
        Set<RenderedObject> authentications = new LinkedHashSet<>();
        for (RenderedObject scaledObject : ofKind(objects, "ScaledObject")) {
            JsonNode triggers = scaledObject.body().path("spec").path("triggers");
            for (int i = 0; i < triggers.size(); i++) {
                JsonNode trigger = triggers.get(i);
                if (!"kafka".equals(trigger.path("type").asText())) {
                    continue;
                }
                String at = "spec.triggers[" + i + "]";
                if (trigger.path("metadata").isObject()) {
                    triggerMetadata.validate(trigger.get("metadata")).forEach(m -> violations.add(violation(scaledObject,
                            SchemaValidation.field(m, at + ".metadata"),
                            SchemaValidation.words(m) + " (KEDA 2.18.3's kafka scaler: " + FILE + ")")));
                }
                JsonNode reference = trigger.path("authenticationRef");
                if (reference.isObject() && "TriggerAuthentication".equals(reference.path("kind").asText("TriggerAuthentication"))) {
                    Optional<RenderedObject> authentication = find(objects, "TriggerAuthentication", scaledObject.namespace(),
                            reference.path("name").asText());
                    authentication.ifPresentOrElse(authentications::add, () -> violations.add(violation(scaledObject,
                            at + ".authenticationRef.name", "no TriggerAuthentication '" + reference.path("name").asText()
                                    + "' in namespace '" + scaledObject.namespace() + "' among the rendered objects")));
                }
            }
        }
        authentications.forEach(authentication -> violations.addAll(checkParameters(authentication, objects)));
        return violations;
    }

    /** Each parameter of a TriggerAuthentication used by a kafka trigger: a name the scaler reads, a value it parses. */
    private List<SchemaViolation> checkParameters(RenderedObject authentication, List<RenderedObject> objects) {
        List<SchemaViolation> violations = new ArrayList<>();
        for (String list : PARAMETER_LISTS) {
            JsonNode entries = authentication.body().path("spec").path(list);
            for (int j = 0; j < entries.size(); j++) {
                JsonNode entry = entries.get(j);
                String parameter = entry.path("parameter").asText();
                String at = "spec." + list + "[" + j + "].parameter";
                ObjectNode named = JSON.createObjectNode().put(parameter, "");
                authenticationParameters.validate(named).forEach(m -> violations.add(violation(authentication, at,
                        "'" + parameter + "' is not a parameter KEDA 2.18.3's kafka scaler reads: " + SchemaValidation.words(m)
                                + " (" + FILE + ")")));
                if (list.equals("secretTargetRef")) {
                    secretValue(objects, authentication.namespace(), entry.path("name").asText(), entry.path("key").asText())
                            .ifPresent(value -> authenticationValues.validate(JSON.createObjectNode().put(parameter, value))
                                    .forEach(m -> violations.add(violation(authentication, at,
                                            "value '" + value + "' (Secret " + entry.path("name").asText() + ", key "
                                                    + entry.path("key").asText() + "): " + SchemaValidation.words(m)
                                                    + " (" + FILE + ")"))));
                }
            }
        }
        return violations;
    }

    /** The value of a key of a Secret that is part of the rendering (stringData, or base64 data). */
    private static Optional<String> secretValue(List<RenderedObject> objects, String namespace, String name, String key) {
        return find(objects, "Secret", namespace, name).flatMap(secret -> {
            JsonNode text = secret.body().path("stringData").path(key);
            if (text.isTextual()) {
                return Optional.of(text.asText());
            }
            JsonNode data = secret.body().path("data").path(key);
            try {
                return data.isTextual() ? Optional.of(new String(Base64.getDecoder().decode(data.asText()), StandardCharsets.UTF_8))
                        : Optional.empty();
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty(); // the Secret's own schema reports it
            }
        });
    }

    private static List<RenderedObject> ofKind(List<RenderedObject> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.kind())).toList();
    }

    private static Optional<RenderedObject> find(List<RenderedObject> objects, String kind, String namespace, String name) {
        return ofKind(objects, kind).stream().filter(o -> o.namespace().equals(namespace) && o.name().equals(name)).findFirst();
    }

    private static SchemaViolation violation(RenderedObject object, String field, String message) {
        return new SchemaViolation(object.rendering(), object.source(), object.id(), field, message);
    }
}
