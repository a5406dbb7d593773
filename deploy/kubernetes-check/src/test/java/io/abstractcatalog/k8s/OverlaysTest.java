package io.abstractcatalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every overlay renders, and the renderings hold what each overlay promises. */
class OverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayRendersAndParses(String overlay) {
        Manifests manifests = Rendered.overlay(overlay);
        Map<String, Integer> counts = manifests.countByKind();
        System.out.println(overlay + ": " + manifests.all().size() + " resources " + counts);
        assertThat(counts).containsKeys("Namespace", "Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "Deployment",
                "Service", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy");
    }

    @Test
    void devIsSmallSingleReplicaWithMinioAndNoKeda() {
        Manifests dev = Rendered.overlay("dev");
        assertThat(dev.countByKind()).doesNotContainKey("ScaledObject").containsEntry("KafkaNodePool", 1);
        assertThat(dev.all(io.fabric8.kubernetes.api.model.apps.Deployment.class))
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1))
                .extracting(d -> d.getMetadata().getName()).contains("minio");
        assertThat(dev.named(io.fabric8.kubernetes.api.model.batch.v1.Job.class, "minio-setup")).isPresent();
    }

    @Test
    void prodIsReplicatedAndAutoscaled() {
        Manifests prod = Rendered.overlay("prod");
        assertThat(prod.countByKind()).containsEntry("ScaledObject", 2).containsEntry("KafkaNodePool", 2)
                .containsEntry("ServiceMonitor", 1).doesNotContainKey("Job");
        assertThat(prod.named(io.fabric8.kubernetes.api.model.apps.Deployment.class, "catalog-service").orElseThrow()
                .getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()).isNotNull();
        assertThat(prod.custom("postgresql.cnpg.io", "Cluster").get(0).getAdditionalProperties().get("spec"))
                .extracting("instances").isEqualTo(3);
    }

    @Test
    void prodWithExternalS3Renders() {
        Manifests manifests = Rendered.fixture("prod-external-s3");
        System.out.println("prod + external-s3: " + manifests.all().size() + " resources " + manifests.countByKind());
        assertThat(manifests.all(io.fabric8.kubernetes.api.model.ConfigMap.class))
                .anySatisfy(c -> assertThat(c.getData()).containsKey("INGEST_S3_ENDPOINT"));
        assertThat(manifests.named(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class, "ingest-service").orElseThrow()
                .getSpec().getEgress()).anySatisfy(rule -> assertThat(rule.getTo().get(0).getIpBlock()).isNotNull());
    }

    @Test
    void prodWithKafkaTlsScramSecuresTheListenerAndEveryClientOfIt() {
        Manifests manifests = Rendered.fixture("prod-kafka-tls-scram");
        Object listener = Tree.list(Tree.at(manifests.custom("kafka.strimzi.io", "Kafka").get(0), "spec", "kafka", "listeners")).get(0);
        assertThat(Tree.at(listener, "port")).isEqualTo(9093);
        assertThat(Tree.at(listener, "tls")).isEqualTo(true);
        assertThat(Tree.at(listener, "authentication", "type")).isEqualTo("scram-sha-512");
        assertThat(manifests.custom("kafka.strimzi.io", "KafkaUser")).extracting(u -> u.getMetadata().getName())
                .containsExactly("abstract-catalog");
        assertThat(manifests.all(io.fabric8.kubernetes.api.model.ConfigMap.class))
                .anySatisfy(c -> assertThat(c.getData()).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "catalog-kafka-kafka-bootstrap:9093"));
        for (String service : java.util.List.of("ingest-service", "dedup-service", "catalog-service")) {
            var container = manifests.named(io.fabric8.kubernetes.api.model.apps.Deployment.class, service).orElseThrow()
                    .getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getEnv()).anySatisfy(env -> {
                assertThat(env.getName()).isEqualTo("KAFKA_SASL_JAAS_CONFIG");
                assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("abstract-catalog");
            });
            assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/kafka-ca"));
        }
        assertThat(manifests.custom("keda.sh", "ScaledObject")).hasSize(2).allSatisfy(scaler -> {
            Object trigger = Tree.list(Tree.at(scaler, "spec", "triggers")).get(0);
            assertThat(Tree.at(trigger, "authenticationRef", "name")).isEqualTo("kafka-scram");
            assertThat(Tree.at(trigger, "metadata", "bootstrapServers")).isEqualTo("catalog-kafka-kafka-bootstrap:9093");
        });
    }
}
