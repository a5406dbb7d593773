package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Tree;
import io.abstractcatalog.k8s.Violation;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** MinIO (dev only) publishes its bucket notifications to a declared topic of the catalog's Kafka. */
final class MinioRule implements Rule {

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        Optional<Deployment> minio = catalog.manifests().named(Deployment.class, "minio");
        if (minio.isEmpty()) {
            return out;
        }
        Map<String, String> env = new LinkedHashMap<>();
        minio.get().getSpec().getTemplate().getSpec().getContainers().forEach(c -> (c.getEnv() == null ? List.<EnvVar>of() : c.getEnv())
                .forEach(e -> env.put(e.getName(), e.getValue())));
        String topic = env.get("MINIO_NOTIFY_KAFKA_TOPIC_PRIMARY");
        boolean declared = catalog.manifests().custom("kafka.strimzi.io", "KafkaTopic").stream()
                .anyMatch(t -> Objects.equals(topic, Tree.string(Tree.at(t, "spec", "topicName")).orElse(t.getMetadata().getName())));
        if (!declared) {
            out.add(new Violation("minio", "MinIO publishes bucket notifications to topic " + topic + ", which has no KafkaTopic"));
        }
        String brokers = env.getOrDefault("MINIO_NOTIFY_KAFKA_BROKERS_PRIMARY", "");
        String kafka = catalog.kafka().name();
        if (!brokers.startsWith(kafka + "-kafka-bootstrap:")) {
            out.add(new Violation("minio", "MinIO publishes notifications to " + brokers + ", not Kafka " + kafka));
        }
        return out;
    }
}
