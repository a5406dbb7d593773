package io.abstractcatalog.k8s.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema check bites: a real rendering, broken in one place as a person might break it (a misspelt field in
 * each kind of custom resource we use, a wrong type, a missing required field, a wrong enum value, an unknown KEDA
 * parameter, ...), fails with the file, the object, the field path and the schema's words; and what the API server
 * accepts (int-or-string, quantities as numbers, free-form config, nulls) passes.
 */
class BrokenSchemaTest {

    /** A rendering, the object to break, how, and the violation expected (field path and words). */
    record Case(String what, String rendering, String kind, String name, Consumer<ObjectNode> breakIt, String field, String words) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static final String PROD = "overlays/prod";
    private static final String DEV = "overlays/dev";
    private static final String TLS = "fixture prod-kafka-tls-scram";
    private static final String UNKNOWN = "is not defined in the schema and the schema does not allow additional properties";

    static Stream<Case> brokenObjects() {
        return Stream.of(
                // a misspelt field in each kind of custom resource
                new Case("Kafka: listener field tls misspelt", PROD, "Kafka", "catalog-kafka",
                        rename("/spec/kafka/listeners/0", "tls", "tlss"), "spec.kafka.listeners[0].tlss", "property 'tlss' " + UNKNOWN),
                new Case("KafkaNodePool: storage deleteClaim misspelt", PROD, "KafkaNodePool", "broker",
                        rename("/spec/storage", "deleteClaim", "deleteClaims"), "spec.storage.deleteClaims", "property 'deleteClaims' " + UNKNOWN),
                new Case("KafkaTopic: partitions misspelt", PROD, "KafkaTopic", "abstracts-raw",
                        rename("/spec", "partitions", "partition"), "spec.partition", "property 'partition' " + UNKNOWN),
                new Case("KafkaTopic: metadata labels misspelt (ObjectMeta of a custom resource)", PROD, "KafkaTopic", "works",
                        rename("/metadata", "labels", "lables"), "metadata.lables", "property 'lables' " + UNKNOWN),
                new Case("KafkaUser: authentication misspelt", TLS, "KafkaUser", "abstract-catalog",
                        rename("/spec", "authentication", "authentification"), "spec.authentification", "property 'authentification' " + UNKNOWN),
                new Case("Cluster (CNPG): storage size misspelt", PROD, "Cluster", "catalog-db",
                        rename("/spec/storage", "size", "sizes"), "spec.storage.sizes", "property 'sizes' " + UNKNOWN),
                new Case("ScaledObject: maxReplicaCount misspelt", PROD, "ScaledObject", "dedup-service",
                        rename("/spec", "maxReplicaCount", "maxReplicasCount"), "spec.maxReplicasCount", "property 'maxReplicasCount' " + UNKNOWN),
                new Case("TriggerAuthentication: secretTargetRef key misspelt", TLS, "TriggerAuthentication", "kafka-scram",
                        rename("/spec/secretTargetRef/0", "key", "keys"), "spec.secretTargetRef[0].keys", "property 'keys' " + UNKNOWN),
                new Case("Kafka: a field misspelt deep in a Kubernetes type inside the CRD", PROD, "Kafka", "catalog-kafka",
                        rename("/spec/kafka/listeners/0/networkPolicyPeers/0/podSelector/matchExpressions/0", "operator", "operater"),
                        "spec.kafka.listeners[0].networkPolicyPeers[0].podSelector.matchExpressions[0].operater",
                        "property 'operater' " + UNKNOWN),
                new Case("ServiceMonitor: endpoint port misspelt", PROD, "ServiceMonitor", "abstract-catalog",
                        rename("/spec/endpoints/0", "port", "prot"), "spec.endpoints[0].prot", "property 'prot' " + UNKNOWN),
                // built-in kinds
                new Case("Deployment: readOnlyRootFilesystem with a capital S", PROD, "Deployment", "ingest-service",
                        rename("/spec/template/spec/containers/0/securityContext", "readOnlyRootFilesystem", "readOnlyRootFileSystem"),
                        "spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem", "property 'readOnlyRootFileSystem' " + UNKNOWN),
                // wrong types
                new Case("KafkaTopic: partitions as a word", PROD, "KafkaTopic", "abstracts-raw",
                        set("/spec", "partitions", TextNode.valueOf("six")), "spec.partitions", "string found, integer expected"),
                new Case("Deployment: replicas as a string", PROD, "Deployment", "catalog-service",
                        set("/spec", "replicas", TextNode.valueOf("2")), "spec.replicas", "string found, integer expected"),
                new Case("ScaledObject: trigger metadata value as a number (KEDA wants strings)", PROD, "ScaledObject", "catalog-service",
                        set("/spec/triggers/0/metadata", "lagThreshold", IntNode.valueOf(2000)), "spec.triggers[0].metadata.lagThreshold",
                        "integer found, string expected"),
                new Case("NetworkPolicy: port neither integer nor string (int-or-string)", PROD, "NetworkPolicy", "ingest-service",
                        set("/spec/egress/0/ports/0", "port", BooleanNode.TRUE), "spec.egress[0].ports[0].port", "boolean found, [integer, string] expected"),
                new Case("Deployment: port number beyond int32", PROD, "Deployment", "ingest-service",
                        set("/spec/template/spec/containers/0/ports/0", "containerPort", JsonNodeFactory.instance.numberNode(4_294_967_296L)),
                        "spec.template.spec.containers[0].ports[0].containerPort", "must have a maximum value of 2147483647"),
                // missing required fields
                new Case("Deployment: container without a name", PROD, "Deployment", "dedup-service",
                        remove("/spec/template/spec/containers/0", "name"), "spec.template.spec.containers[0].name", "required property 'name' not found"),
                new Case("Kafka: no listeners", PROD, "Kafka", "catalog-kafka",
                        remove("/spec/kafka", "listeners"), "spec.kafka.listeners", "required property 'listeners' not found"),
                new Case("KafkaNodePool: no roles", DEV, "KafkaNodePool", "dual",
                        remove("/spec", "roles"), "spec.roles", "required property 'roles' not found"),
                // enums and formats
                new Case("Kafka: listener type not one of Strimzi's", PROD, "Kafka", "catalog-kafka",
                        set("/spec/kafka/listeners/0", "type", TextNode.valueOf("internall")), "spec.kafka.listeners[0].type",
                        "does not have a value in the enumeration [\"internal\", \"route\", \"loadbalancer\", \"nodeport\", \"ingress\", \"cluster-ip\"]"),
                new Case("Secret: data that is not base64", DEV, "Secret", "minio-credentials",
                        set("/data", "MINIO_ROOT_USER", TextNode.valueOf("abstract-catalog")), "data.MINIO_ROOT_USER",
                        "does not match the regex pattern"),
                // KEDA's Kafka scaler parameters (free strings in KEDA's CRDs)
                new Case("TriggerAuthentication: unknown Kafka scaler parameter", TLS, "TriggerAuthentication", "kafka-scram",
                        set("/spec/secretTargetRef/0", "parameter", TextNode.valueOf("sasll")), "spec.secretTargetRef[0].parameter",
                        "'sasll' is not a parameter KEDA 2.18.3's kafka scaler reads: property 'sasll' " + UNKNOWN),
                new Case("TriggerAuthentication: SASL mechanism spelt the Kafka way, not KEDA's", TLS, "Secret", "kafka-scram-keda",
                        set("/stringData", "sasl", TextNode.valueOf("scram-sha-512")), "spec.secretTargetRef[0].parameter",
                        "value 'scram-sha-512' (Secret kafka-scram-keda, key sasl): does not have a value in the enumeration"),
                new Case("ScaledObject: Kafka trigger metadata consumerGroup misspelt", PROD, "ScaledObject", "dedup-service",
                        rename("/spec/triggers/0/metadata", "consumerGroup", "consumerGruop"), "spec.triggers[0].metadata.consumerGruop",
                        "property 'consumerGruop' " + UNKNOWN),
                new Case("ScaledObject: offsetResetPolicy not one KEDA knows", PROD, "ScaledObject", "dedup-service",
                        set("/spec/triggers/0/metadata", "offsetResetPolicy", TextNode.valueOf("smallest")), "spec.triggers[0].metadata.offsetResetPolicy",
                        "does not have a value in the enumeration [\"earliest\", \"latest\"]"),
                new Case("ScaledObject: authenticationRef to a TriggerAuthentication that is not there", TLS, "ScaledObject", "catalog-service",
                        set("/spec/triggers/0/authenticationRef", "name", TextNode.valueOf("kafka-scarm")), "spec.triggers[0].authenticationRef.name",
                        "no TriggerAuthentication 'kafka-scarm' in namespace 'abstract-catalog'"),
                // a version the supported operator does not serve
                new Case("Kafka: an apiVersion Strimzi 0.48.0 does not serve", PROD, "Kafka", "catalog-kafka",
                        set("", "apiVersion", TextNode.valueOf("kafka.strimzi.io/v1")), "apiVersion",
                        "no schema vendored for kafka.strimzi.io/v1 Kafka (vendored: kafka.strimzi.io/v1beta2 Kafka)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenObjects")
    void brokenObjectFailsWithFileObjectFieldAndTheSchemasWords(Case broken) {
        List<RenderedObject> objects = Renderings.of(broken.rendering());
        RenderedObject target = Renderings.object(objects, broken.kind(), broken.name());
        broken.breakIt().accept(target.body());

        List<SchemaViolation> violations = SchemaValidation.validate(objects);

        System.out.println(broken.what() + ":");
        violations.forEach(v -> System.out.println("    " + v));
        assertThat(violations).as(broken.what()).isNotEmpty().anySatisfy(v -> {
            assertThat(v.rendering()).isEqualTo(broken.rendering());
            assertThat(v.source()).contains("deploy/kubernetes/");
            assertThat(v.field()).isEqualTo(broken.field());
            assertThat(v.message()).contains(broken.words());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedObjects")
    void whatTheApiServerAcceptsPasses(Case accepted) {
        List<RenderedObject> objects = Renderings.of(accepted.rendering());
        accepted.breakIt().accept(Renderings.object(objects, accepted.kind(), accepted.name()).body());

        assertThat(SchemaValidation.validate(objects)).as(accepted.what()).isEmpty();
    }

    static Stream<Case> acceptedObjects() {
        return Stream.of(
                new Case("Kafka: any broker config key (x-kubernetes-preserve-unknown-fields)", PROD, "Kafka", "catalog-kafka",
                        set("/spec/kafka/config", "log.retention.check.interval.ms", IntNode.valueOf(300000)), null, null),
                new Case("NetworkPolicy: a named port (int-or-string)", PROD, "NetworkPolicy", "ingest-service",
                        set("/spec/ingress/0/ports/0", "port", TextNode.valueOf("http")), null, null),
                new Case("Deployment: a CPU request as a number (Quantity)", PROD, "Deployment", "catalog-service",
                        set("/spec/template/spec/containers/0/resources/requests", "cpu", IntNode.valueOf(1)), null, null),
                new Case("Deployment: a null field (decoded as its zero value)", PROD, "Deployment", "catalog-service",
                        set("/metadata", "creationTimestamp", JsonNodeFactory.instance.nullNode()), null, null),
                new Case("Deployment: a label of any name (additionalProperties of a map)", PROD, "Deployment", "catalog-service",
                        set("/metadata/labels", "example.com/anything", TextNode.valueOf("yes")), null, null));
    }

    private static Consumer<ObjectNode> rename(String at, String from, String to) {
        return body -> {
            ObjectNode parent = objectAt(body, at);
            assertThat(parent.has(from)).as(at + " has " + from).isTrue();
            JsonNode value = parent.remove(from);
            parent.set(to, value);
        };
    }

    private static Consumer<ObjectNode> set(String at, String field, JsonNode value) {
        return body -> objectAt(body, at).set(field, value);
    }

    private static Consumer<ObjectNode> remove(String at, String field) {
        return body -> assertThat(objectAt(body, at).remove(field)).as(at + " has " + field).isNotNull();
    }

    private static ObjectNode objectAt(ObjectNode body, String pointer) {
        JsonNode node = body.at(pointer);
        assertThat(node.isObject()).as(pointer + " is an object in the rendering").isTrue();
        return (ObjectNode) node;
    }
}
