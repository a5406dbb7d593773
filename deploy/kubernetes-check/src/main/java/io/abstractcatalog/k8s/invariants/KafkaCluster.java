package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Tree;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kafka resource of the manifests as its topics and clients see it: the brokers and KRaft controllers of the
 * node pools labelled for it, its broker config and its listeners by port. Without exactly one Kafka resource it is
 * {@link #present() absent}: named {@code ?}, no brokers, no config (the Kafka rule reports that).
 */
record KafkaCluster(GenericKubernetesResource resource, String name, int brokers, int controllers,
                    Map<String, Object> config, Map<Integer, Object> listeners) {

    static KafkaCluster read(Manifests manifests) {
        List<GenericKubernetesResource> clusters = manifests.custom("kafka.strimzi.io", "Kafka");
        if (clusters.size() != 1) {
            return new KafkaCluster(null, "?", 0, 0, Map.of(), Map.of());
        }
        GenericKubernetesResource kafka = clusters.get(0);
        String name = kafka.getMetadata().getName();
        int brokers = 0;
        int controllers = 0;
        for (GenericKubernetesResource pool : manifests.custom("kafka.strimzi.io", "KafkaNodePool")) {
            if (name.equals(clusterLabel(pool))) {
                int replicas = Tree.integer(Tree.at(pool, "spec", "replicas")).orElse(0);
                List<Object> roles = Tree.list(Tree.at(pool, "spec", "roles"));
                brokers += roles.contains("broker") ? replicas : 0;
                controllers += roles.contains("controller") ? replicas : 0;
            }
        }
        Map<Integer, Object> listeners = new LinkedHashMap<>();
        for (Object listener : Tree.list(Tree.at(kafka, "spec", "kafka", "listeners"))) {
            Tree.integer(Tree.at(listener, "port")).ifPresent(port -> listeners.put(port, listener));
        }
        return new KafkaCluster(kafka, name, brokers, controllers, Tree.map(Tree.at(kafka, "spec", "kafka", "config")), listeners);
    }

    /** The Kafka a Strimzi resource belongs to: its label {@code strimzi.io/cluster}, or null. */
    static String clusterLabel(GenericKubernetesResource resource) {
        return Optional.ofNullable(resource.getMetadata().getLabels()).orElse(Map.of()).get("strimzi.io/cluster");
    }

    boolean present() {
        return resource != null;
    }

    int brokerConfig(String key, int fallback) {
        return Tree.integer(config.get(key)).orElse(fallback);
    }
}
