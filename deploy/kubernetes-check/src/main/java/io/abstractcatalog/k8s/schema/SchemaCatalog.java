package io.abstractcatalog.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.abstractcatalog.k8s.schema.StructuralSchema.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The schemas an API server of the supported versions validates objects against, by apiVersion and kind: the
 * Kubernetes OpenAPI v3 definitions and the CRDs' {@code openAPIV3Schema}s vendored under
 * {@code src/main/resources/schemas} (SOURCES.md says where each comes from). Each is turned into a JSON Schema
 * ({@link StructuralSchema}) and compiled on first use.
 */
public final class SchemaCatalog {

    static final String ROOT = "schemas/";
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_PATH)
            .formatAssertionsEnabled(true)
            .build();
    private static volatile SchemaCatalog vendored;

    /** A kind's schema (as JSON Schema) and the vendored file it comes from; compiled (networknt) on first use. */
    public static final class KindSchema {
        private final String apiVersion;
        private final String kind;
        private final String file;
        private final ObjectNode jsonSchema;
        private volatile JsonSchema validator;

        KindSchema(String apiVersion, String kind, String file, ObjectNode jsonSchema) {
            this.apiVersion = apiVersion;
            this.kind = kind;
            this.file = file;
            this.jsonSchema = jsonSchema;
        }

        public String apiVersion() {
            return apiVersion;
        }

        public String kind() {
            return kind;
        }

        /** The vendored file, relative to {@code schemas/}, e.g. {@code strimzi-0.48.0/040-Crd-kafka.yaml}. */
        public String file() {
            return file;
        }

        JsonSchema validator() {
            JsonSchema compiled = validator;
            if (compiled == null) {
                synchronized (this) {
                    if (validator == null) {
                        validator = FACTORY.getSchema(jsonSchema, CONFIG);
                    }
                    compiled = validator;
                }
            }
            return compiled;
        }
    }

    private final Map<String, KindSchema> byApiVersionAndKind;

    private SchemaCatalog(Map<String, KindSchema> byApiVersionAndKind) {
        this.byApiVersionAndKind = byApiVersionAndKind;
    }

    /** The vendored schemas (loaded once; ~1 s). */
    public static SchemaCatalog vendored() {
        SchemaCatalog catalog = vendored;
        if (catalog == null) {
            synchronized (SchemaCatalog.class) {
                if (vendored == null) {
                    vendored = load();
                }
                catalog = vendored;
            }
        }
        return catalog;
    }

    public Optional<KindSchema> find(String apiVersion, String kind) {
        return Optional.ofNullable(byApiVersionAndKind.get(key(apiVersion, kind)));
    }

    /** "apiVersion kind" of every kind with a schema, for messages. */
    public Set<String> kinds() {
        return byApiVersionAndKind.keySet();
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    private static SchemaCatalog load() {
        Map<String, KindSchema> kinds = new TreeMap<>();
        ObjectNode coreDefinitions = null;
        for (String line : resource("index.txt").split("\n")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            if (file.endsWith(".json")) {
                ObjectNode definitions = loadKubernetesGroup(file, kinds);
                if (definitions.has(OBJECT_META) && (coreDefinitions == null || file.endsWith("/api__v1.json"))) {
                    coreDefinitions = definitions;
                }
            }
        }
        if (coreDefinitions == null) {
            throw new IllegalStateException("no vendored Kubernetes OpenAPI file defines " + OBJECT_META);
        }
        for (String line : resource("index.txt").split("\n")) {
            String file = line.strip();
            if (file.endsWith(".yaml")) {
                loadCustomResourceDefinition(file, coreDefinitions, kinds);
            }
        }
        return new SchemaCatalog(Map.copyOf(kinds));
    }

    /**
     * A Kubernetes OpenAPI v3 group file ({@code apis__apps__v1.json}): every definition becomes a {@code $defs}
     * entry, and each kind of the file's own group/version a schema that refers to its definition.
     */
    private static ObjectNode loadKubernetesGroup(String file, Map<String, KindSchema> kinds) {
        JsonNode document = parse(JSON, file);
        String groupVersion = groupVersionOf(file);
        ObjectNode definitions = JSON.createObjectNode();
        document.path("components").path("schemas").properties()
                .forEach(d -> definitions.set(d.getKey(), StructuralSchema.toJsonSchema(d.getValue(), Source.BUILT_IN)));
        document.path("components").path("schemas").properties().forEach(d -> {
            for (JsonNode gvk : d.getValue().path("x-kubernetes-group-version-kind")) {
                String group = gvk.path("group").asText();
                String apiVersion = group.isEmpty() ? gvk.path("version").asText() : group + "/" + gvk.path("version").asText();
                if (apiVersion.equals(groupVersion)) {
                    ObjectNode root = JSON.createObjectNode();
                    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                    root.put("$ref", StructuralSchema.DEFS + d.getKey());
                    root.set("$defs", definitions);
                    String kind = gvk.path("kind").asText();
                    kinds.put(key(apiVersion, kind), new KindSchema(apiVersion, kind, file, root));
                }
            }
        });
        return definitions;
    }

    /** "apps/v1" from ".../apis__apps__v1.json", "v1" from ".../api__v1.json". */
    static String groupVersionOf(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1).replace(".json", "");
        String[] parts = name.split("__");
        return parts[0].equals("api") ? parts[1] : parts[1] + "/" + parts[2];
    }

    /**
     * A CRD: each served version's openAPIV3Schema, with {@code metadata} validated as the API server does for every
     * object (ObjectMeta of the core definitions), not as the CRD's bare {@code type: object}.
     */
    private static void loadCustomResourceDefinition(String file, ObjectNode coreDefinitions, Map<String, KindSchema> kinds) {
        JsonNode crd = parse(YAML, file);
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (!version.path("served").asBoolean()) {
                continue;
            }
            ObjectNode root = StructuralSchema.toJsonSchema(version.path("schema").path("openAPIV3Schema"), Source.CUSTOM_RESOURCE);
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            ObjectNode properties = root.has("properties") ? (ObjectNode) root.get("properties") : root.putObject("properties");
            properties.putObject("metadata").put("$ref", StructuralSchema.DEFS + OBJECT_META);
            root.set("$defs", coreDefinitions);
            String apiVersion = group + "/" + version.path("name").asText();
            kinds.put(key(apiVersion, kind), new KindSchema(apiVersion, kind, file, root));
        }
    }

    static String resource(String name) {
        try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("vendored schema " + ROOT + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(ObjectMapper mapper, String file) {
        try {
            return mapper.readTree(resource(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse vendored schema " + file, e);
        }
    }
}
