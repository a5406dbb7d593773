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
}
