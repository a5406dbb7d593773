package io.abstractcatalog.k8s.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.Topic;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.k8s.Design;
import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Rendered;
import io.abstractcatalog.k8s.Violation;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each check bites: a manifest (or a source) broken in one place makes the checker report exactly that.
 * Every test starts from a fresh parse of a real overlay, breaks one thing and looks for the violation.
 * One nested group per rule of {@link ManifestChecker#RULES}, named after it.
 */
class BrokenManifestsTest {

    private static Manifests prod() {
        return Manifests.parse(Rendered.overlayYaml("prod"));
    }

    private static Manifests dev() {
        return Manifests.parse(Rendered.overlayYaml("dev"));
    }

    private static ManifestChecker.Sources sources() {
        return ManifestChecker.Sources.of(Rendered.LAYOUT);
    }

    private static List<Violation> check(Manifests manifests) {
        return ManifestChecker.check(manifests, sources());
    }

    private static void assertReports(List<Violation> violations, String rule, String... fragments) {
        System.out.println("looking for [" + rule + "] " + List.of(fragments) + " among:");
        violations.forEach(v -> System.out.println("    " + v));
        assertThat(violations).as("violations").anySatisfy(v -> {
            assertThat(v.rule()).isEqualTo(rule);
            assertThat(v.message()).contains(fragments);
        });
    }

    /** The first listener of the Kafka resource, as a mutable map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstKafkaListener(Manifests manifests) {
        GenericKubernetesResource kafka = manifests.custom("kafka.strimzi.io", "Kafka").get(0);
        return ((List<Map<String, Object>>) ((Map<String, Object>) spec(kafka).get("kafka")).get("listeners")).get(0);
    }

    private static GenericKubernetesResource topic(Manifests manifests, String name) {
        return manifests.custom("kafka.strimzi.io", "KafkaTopic").stream()
                .filter(t -> name.equals(((Map<?, ?>) t.getAdditionalProperties().get("spec")).get("topicName"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    private static Container container(Manifests manifests, String deployment) {
        return manifests.named(Deployment.class, deployment).orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static ConfigMap configMap(Manifests manifests, String prefix) {
        return manifests.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().startsWith(prefix + "-")).findFirst().orElseThrow();
    }

    @Test
    void theUnbrokenOverlaysPass() {
        assertThat(check(prod())).isEmpty();
        assertThat(check(dev())).isEmpty();
    }

    /** NamespaceRule: everything in the one namespace. */
    @Nested
    class NamespaceRuleTest {
        @Test
        void resourceOutsideTheNamespace() {
            Manifests manifests = dev();
            manifests.named(Deployment.class, "minio").orElseThrow().getMetadata().setNamespace("default");
            assertReports(check(manifests), "namespace", "Deployment/minio is in namespace default");
        }
    }

    /** ServiceEnvironmentRule: the services' Deployments and environment. */
    @Nested
    class ServiceEnvironmentRuleTest {
        @Test
        void environmentVariableMissing() {
            Manifests manifests = prod();
            configMap(manifests, "kafka-client").getData().remove("KAFKA_BOOTSTRAP_SERVERS");
            List<Violation> violations = check(manifests);
            assertReports(violations, "env", "dedup-service reads kafka.bootstrap.servers", "does not provide KAFKA_BOOTSTRAP_SERVERS");
            assertReports(violations, "env", "catalog-service reads kafka.bootstrap.servers");
        }

        @Test
        void environmentVariableMisspelt() {
            Manifests manifests = prod();
            Map<String, String> data = configMap(manifests, "dedup-service").getData();
            data.put("KAFKA_STREAMS_STATEDIR", data.remove("KAFKA_STREAMS_STATE_DIR"));
            List<Violation> violations = check(manifests);
            assertReports(violations, "env", "sets KAFKA_STREAMS_STATEDIR, which matches no key", "the service ignores it");
            assertReports(violations, "env", "dedup-service reads kafka-streams.state.dir");
        }

        @Test
        void kafkaSecuritySettingsAreKnownToEveryServiceAndTheirSecretsComeFromASecret() {
            Manifests manifests = prod();
            Map<String, String> kafka = configMap(manifests, "kafka-client").getData();
            // The listener of the overlays is plain: what a service may set for it.
            kafka.put("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
            kafka.put("KAFKA_CLIENT_DNS_LOOKUP", "use_all_dns_ips");
            kafka.put("KAFKA_METADATA_MAX_AGE_MS", "60000");
            assertThat(check(manifests)).isEmpty();

            kafka.put("KAFKA_SECURITY_PROTOCL", "SASL_SSL");
            kafka.put("KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            List<Violation> violations = check(manifests);
            assertReports(violations, "env", "ingest-service sets KAFKA_SECURITY_PROTOCL, which matches no key");
            assertReports(violations, "env", "catalog-service sets the Kafka credential KAFKA_SASL_JAAS_CONFIG",
                    "must come from a Secret");
        }

        @Test
        void credentialFromAConfigMap() {
            Manifests manifests = prod();
            Container catalog = container(manifests, "catalog-service");
            catalog.getEnv().removeIf(e -> e.getName().equals("QUARKUS_DATASOURCE_PASSWORD"));
            configMap(manifests, "catalog-service").getData().put("QUARKUS_DATASOURCE_PASSWORD", "secret");
            List<Violation> violations = check(manifests);
            assertReports(violations, "env", "credential quarkus.datasource.password", "from a Secret");
            assertReports(violations, "postgres", "quarkus.datasource.password from Secret catalog-db-app");
        }
    }

    /** KafkaClusterRule: one Kafka, its node pools and broker settings. */
    @Nested
    class KafkaClusterRuleTest {
        @Test
        void kafkaThatAutoCreatesTopics() {
            Manifests manifests = prod();
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) ((Map<String, Object>) spec(manifests.custom("kafka.strimzi.io", "Kafka")
                    .get(0)).get("kafka")).get("config");
            config.put("auto.create.topics.enable", true);
            assertReports(check(manifests), "kafka", "Kafka catalog-kafka must set auto.create.topics.enable: false");
        }

        @Test
        void anEvenNumberOfControllers() {
            Manifests manifests = prod();
            GenericKubernetesResource controllers = manifests.custom("kafka.strimzi.io", "KafkaNodePool").stream()
                    .filter(pool -> ((List<?>) spec(pool).get("roles")).contains("controller")).findFirst().orElseThrow();
            spec(controllers).put("replicas", 2);
            assertReports(check(manifests), "kafka", "needs at least one broker and an odd number of KRaft controllers");
        }
    }

    /** KafkaConnectionRule: how the services connect to Kafka's listeners. */
    @Nested
    class KafkaConnectionRuleTest {
        @Test
        void aTlsScramListenerNeedsTheServicesToConnectWithTheMatchingSettings() {
            Manifests manifests = prod();
            Map<String, Object> listener = firstKafkaListener(manifests);
            listener.put("port", 9093);
            listener.put("tls", true);
            listener.put("authentication", Map.of("type", "scram-sha-512"));
            Map<String, String> client = configMap(manifests, "kafka-client").getData();
            client.put("KAFKA_BOOTSTRAP_SERVERS", "catalog-kafka-kafka-bootstrap:9093");
            assertReports(check(manifests), "kafka", "catalog-service connects to listener plain of Kafka catalog-kafka (TLS, "
                    + "scram-sha-512) with security protocol PLAINTEXT", "set KAFKA_SECURITY_PROTOCOL=SASL_SSL");

            client.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
            List<Violation> violations = check(manifests);
            assertReports(violations, "kafka", "dedup-service connects", "trusts only the JVM's default CAs");
            assertReports(violations, "kafka", "set KAFKA_SASL_MECHANISM=SCRAM-SHA-512");
            assertReports(violations, "kafka", "ingest-service connects", "without KAFKA_SASL_JAAS_CONFIG");

            client.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            client.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
            client.put("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.crt");
            for (String service : List.of("ingest-service", "dedup-service", "catalog-service")) {
                container(manifests, service).getEnv().add(new EnvVarBuilder().withName("KAFKA_SASL_JAAS_CONFIG")
                        .withNewValueFrom().withNewSecretKeyRef("sasl.jaas.config", "abstract-catalog", false).endValueFrom()
                        .build());
            }
            assertThat(check(manifests)).noneMatch(violation -> violation.rule().equals("kafka"));
        }
    }

    /** TopicsRule: the KafkaTopics are the topics of the contract. */
    @Nested
    class TopicsRuleTest {
        @Test
        void topicRenamedInTheManifestsOnly() {
            Manifests manifests = prod();
            spec(topic(manifests, Topics.WORKS.name())).put("topicName", "catalog.works");
            List<Violation> violations = check(manifests);
            assertReports(violations, "topics", "topic works", "has no KafkaTopic", "renamed in one place only");
            assertReports(violations, "topics", "declares topic catalog.works", "which no service uses");
        }

        @Test
        void topicRenamedInTheCodeOnly() {
            ManifestChecker.Sources renamed = sources().withTopics(Topics.ALL.stream()
                    .<Topic<?>>map(t -> t.equals(Topics.WORKS) ? Topic.compacted("catalog.works", WorkEvent.class) : t).toList());
            List<Violation> violations = ManifestChecker.check(prod(), renamed);
            assertReports(violations, "topics", "topic catalog.works", "has no KafkaTopic");
            assertReports(violations, "topics", "declares topic works", "which no service uses");
        }

        @Test
        void theBrokenFixtureOverlayIsRejected() {
            // src/test/resources/overlays/broken-topic-rename: the dev overlay plus a patch renaming "works", rendered by kustomize.
            List<Violation> violations = check(Rendered.fixture("broken-topic-rename"));
            assertReports(violations, "topics", "topic works", "has no KafkaTopic");
            assertReports(violations, "scaling", "consumes topic works, which has no KafkaTopic");
        }

        @Test
        void compactedTopicThatDeletes() {
            Manifests manifests = prod();
            ((Map<String, Object>) spec(topic(manifests, Topics.FILES.name())).get("config")).put("cleanup.policy", "compact,delete");
            assertReports(check(manifests), "topics", "topic ingest.files must have cleanup.policy=compact");
        }

        @Test
        void partitionsDisagreeWithTheServices() {
            Manifests manifests = prod();
            configMap(manifests, "kafka-client").getData().put("TOPICS_PARTITIONS", "3");
            List<Violation> violations = check(manifests);
            assertReports(violations, "topics", "topic abstracts.raw has 6 partitions, the services expect 3");
        }

        @Test
        void kafkaStreamsInternalTopicDeclared() {
            Manifests manifests = prod();
            GenericKubernetesResource internal = Manifests.convert(Map.of("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaTopic",
                    "metadata", Map.of("name", "changelog", "namespace", Design.NAMESPACE, "labels", Map.of("strimzi.io/cluster", "catalog-kafka")),
                    "spec", Map.of("topicName", "dedup-service-works-by-id-changelog", "partitions", 6, "replicas", 3,
                            "config", Map.of("cleanup.policy", "compact"))), GenericKubernetesResource.class);
            assertReports(check(manifests.plus(internal)), "topics", "dedup-service-works-by-id-changelog is a Kafka Streams internal topic");
        }
    }

    /** ProbesAndPortsRule: ports, probes and metrics agree with the services' configuration. */
    @Nested
    class ProbesAndPortsRuleTest {
        @Test
        void probePathWrong() {
            Manifests manifests = prod();
            container(manifests, "catalog-service").getReadinessProbe().getHttpGet().setPath("/health/ready");
            assertReports(check(manifests), "probes", "readiness probe GETs /health/ready, but the service serves /q/health/ready");
        }

        @Test
        void portChangedInApplicationPropertiesOnly() {
            ManifestChecker.Sources moved = sources()
                    .withConfig(sources().configs().get("catalog-service").with("quarkus.http.port", "9090"));
            List<Violation> violations = ManifestChecker.check(prod(), moved);
            assertReports(violations, "ports", "catalog-service listens on 9090");
            assertReports(violations, "probes", "liveness probe uses port http (8080), but the service listens on 9090");
            assertReports(violations, "network", "designed flow ns:monitoring -> catalog-service:9090/TCP is not allowed");
        }
    }

    /** VolumesRule: every place a service writes is a writable volume. */
    @Nested
    class VolumesRuleTest {
        @Test
        void stateDirectoryNotOnAVolume() {
            Manifests manifests = dev();
            container(manifests, "dedup-service").getVolumeMounts().removeIf(m -> m.getName().equals("state"));
            assertReports(check(manifests), "volumes", "dedup-service writes to kafka-streams.state.dir = /var/lib/abstract-catalog/dedup-state");
        }
    }

    /** ScalingRule: replicas and autoscalers fit the singleton and the partitions. */
    @Nested
    class ScalingRuleTest {
        @Test
        void autoscalingBeyondThePartitions() {
            Manifests manifests = prod();
            GenericKubernetesResource scaler = manifests.custom("keda.sh", "ScaledObject").stream()
                    .filter(s -> s.getMetadata().getName().equals("catalog-service")).findFirst().orElseThrow();
            spec(scaler).put("maxReplicaCount", 12);
            assertReports(check(manifests), "scaling", "scales to 12 replicas, but [works] has 6 partitions");
        }

        @Test
        void autoscalingOnTheWrongConsumerGroup() {
            Manifests manifests = prod();
            GenericKubernetesResource scaler = manifests.custom("keda.sh", "ScaledObject").stream()
                    .filter(s -> s.getMetadata().getName().equals("dedup-service")).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            Map<String, Object> trigger = (Map<String, Object>) ((List<Map<String, Object>>) spec(scaler).get("triggers")).get(0).get("metadata");
            trigger.put("consumerGroup", "dedup");
            assertReports(check(manifests), "scaling", "watches consumer group dedup, but dedup-service consumes as dedup-service");
        }

        @Test
        void singletonScaledOut() {
            Manifests manifests = prod();
            Deployment ingest = manifests.named(Deployment.class, "ingest-service").orElseThrow();
            ingest.getSpec().setReplicas(2);
            ingest.getSpec().getStrategy().setType("RollingUpdate");
            List<Violation> violations = check(manifests);
            assertReports(violations, "scaling", "ingest-service has 2 replicas; it must have exactly one");
            assertReports(violations, "scaling", "uses strategy RollingUpdate");
        }
    }

    /** DisruptionBudgetRule: one PodDisruptionBudget per service, allowing drains. */
    @Nested
    class DisruptionBudgetRuleTest {
        @Test
        void disruptionBudgetThatBlocksDrains() {
            Manifests manifests = prod();
            var budget = manifests.all(io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class).stream()
                    .filter(b -> b.getMetadata().getName().equals("catalog-service")).findFirst().orElseThrow();
            budget.getSpec().setMaxUnavailable(null);
            budget.getSpec().setMinAvailable(new IntOrString(2));
            assertReports(check(manifests), "pdb", "never allows evicting a pod of catalog-service");
        }
    }

    /** PostgresRule: catalog-service's database is the CloudNativePG Cluster's. */
    @Nested
    class PostgresRuleTest {
        @Test
        void catalogServiceUsesADatabaseTheClusterDoesNotCreate() {
            Manifests manifests = prod();
            GenericKubernetesResource cluster = manifests.custom("postgresql.cnpg.io", "Cluster").get(0);
            @SuppressWarnings("unchecked")
            Map<String, Object> initdb = (Map<String, Object>) ((Map<String, Object>) spec(cluster).get("bootstrap")).get("initdb");
            initdb.put("database", "catalogue");
            assertReports(check(manifests), "postgres", "catalog-service uses database catalog, Cluster catalog-db creates catalogue");
        }

        @Test
        void catalogServiceReadsFromAServiceOfAnotherDatabase() {
            Manifests manifests = prod();
            configMap(manifests, "catalog-service").getData()
                    .put("QUARKUS_DATASOURCE_READS_JDBC_URL", "jdbc:postgresql://reporting-db-ro:5432/catalog");
            assertReports(check(manifests), "postgres", "catalog-service reads from reporting-db-ro", "not a service of Cluster catalog-db");
        }

        @Test
        void catalogServiceReadsFromReplicasOfAClusterThatHasNone() {
            Manifests manifests = prod();
            spec(manifests.custom("postgresql.cnpg.io", "Cluster").get(0)).put("instances", 1);
            assertReports(check(manifests), "postgres", "reads from catalog-db-ro", "no replica behind it: use catalog-db-r");
        }

        @Test
        void catalogServiceReadsAsAnotherUser() {
            Manifests manifests = prod();
            container(manifests, "catalog-service").getEnv().stream()
                    .filter(variable -> variable.getName().equals("QUARKUS_DATASOURCE_READS_USERNAME")).findFirst().orElseThrow()
                    .getValueFrom().getSecretKeyRef().setKey("password");
            assertReports(check(manifests), "postgres", "reads with another username than it writes with");
        }
    }

    /** MinioRule: MinIO's bucket notifications reach a declared topic. */
    @Nested
    class MinioRuleTest {
        @Test
        void minioNotifiesATopicWithoutAKafkaTopic() {
            Manifests manifests = dev();
            container(manifests, "minio").getEnv().stream().filter(e -> e.getName().equals("MINIO_NOTIFY_KAFKA_TOPIC_PRIMARY"))
                    .findFirst().orElseThrow().setValue("bucket.notifications");
            assertReports(check(manifests), "minio", "topic bucket.notifications, which has no KafkaTopic");
        }
    }

    /** PodSecurityRule: our pods' security settings. */
    @Nested
    class PodSecurityRuleTest {
        @Test
        void writableRootFileSystem() {
            Manifests manifests = dev();
            container(manifests, "dedup-service").getSecurityContext().setReadOnlyRootFilesystem(false);
            container(manifests, "minio").getSecurityContext().setAllowPrivilegeEscalation(true);
            List<Violation> violations = check(manifests);
            assertReports(violations, "security", "Deployment/dedup-service container dedup-service has a writable root file system");
            assertReports(violations, "security", "Deployment/minio container minio allows privilege escalation");
        }
    }

    /** ResourcesRule: our containers' cpu and memory requests and limits. */
    @Nested
    class ResourcesRuleTest {
        @Test
        void containerWithoutAMemoryLimit() {
            Manifests manifests = prod();
            container(manifests, "catalog-service").getResources().getLimits().remove("memory");
            assertReports(check(manifests), "resources", "Deployment/catalog-service container catalog-service must request cpu and "
                    + "memory and limit memory");
        }
    }

    /** ImagesRule: every image is pinned. */
    @Nested
    class ImagesRuleTest {
        @Test
        void imageNotPinned() {
            Manifests manifests = prod();
            container(manifests, "catalog-service").setImage("ghcr.io/abstract-catalog/catalog-service:latest");
            container(manifests, "dedup-service").setImage("ghcr.io/abstract-catalog/dedup-service");
            List<Violation> violations = check(manifests);
            assertReports(violations, "images", "catalog-service:latest, whose tag moves");
            assertReports(violations, "images", "dedup-service without a tag");
        }
    }

    /** SelectorsRule: Deployments and Services select the right pods. */
    @Nested
    class SelectorsRuleTest {
        @Test
        void serviceThatSelectsNoPods() {
            Manifests manifests = prod();
            manifests.named(io.fabric8.kubernetes.api.model.Service.class, "catalog-service").orElseThrow().getSpec()
                    .setSelector(Map.of("app.kubernetes.io/name", "catalog"));
            assertReports(check(manifests), "selectors", "Service/catalog-service selects the pods of 0 workloads, expected one");
        }
    }

    /** NetworkPolicyRule: the allowed network flows are those of the design. */
    @Nested
    class NetworkPolicyRuleTest {
        @Test
        void extraNetworkFlow() {
            Manifests manifests = prod();
            NetworkPolicy catalog = manifests.named(NetworkPolicy.class, "catalog-service").orElseThrow();
            catalog.getSpec().getEgress().add(new NetworkPolicyEgressRuleBuilder()
                    .addNewTo().withNewIpBlock().withCidr("0.0.0.0/0").endIpBlock().endTo().build());
            assertReports(check(manifests), "network", "NetworkPolicy/catalog-service allows egress catalog-service -> cidr:0.0.0.0/0:*",
                    "not a flow of the design");
        }

        @Test
        void missingNetworkFlow() {
            Manifests manifests = prod();
            NetworkPolicy catalog = manifests.named(NetworkPolicy.class, "catalog-service").orElseThrow();
            catalog.getSpec().getEgress().removeIf(rule -> rule.getPorts().get(0).getPort().equals(new IntOrString(5432)));
            assertReports(check(manifests), "network", "designed flow catalog-service -> catalog-db:5432/TCP is not allowed by the egress rules");
        }

        @Test
        void kafkaListenerOpenToEveryone() {
            Manifests manifests = dev();
            Map<String, Object> listener = firstKafkaListener(manifests);
            listener.remove("networkPolicyPeers");
            assertReports(check(manifests), "network", "kafka accepts connections from anywhere");
        }
    }
}
