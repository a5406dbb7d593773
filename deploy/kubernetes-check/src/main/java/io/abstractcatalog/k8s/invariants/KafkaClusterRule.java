package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Violation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;

/**
 * There is one Kafka, its node pools belong to it and give it brokers and an odd number of KRaft controllers,
 * topics are never auto-created, and the replication settings of offsets and transactions fit the brokers.
 */
final class KafkaClusterRule implements Rule {

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        KafkaCluster kafka = catalog.kafka();
        if (!kafka.present()) {
            out.add(new Violation("kafka", "expected one Kafka resource, found "
                    + catalog.manifests().custom("kafka.strimzi.io", "Kafka").size()));
            return out;
        }
        String name = kafka.name();
        for (GenericKubernetesResource pool : catalog.manifests().custom("kafka.strimzi.io", "KafkaNodePool")) {
            String cluster = KafkaCluster.clusterLabel(pool);
            if (!name.equals(cluster)) {
                out.add(new Violation("kafka", Manifests.id(pool) + " belongs to no Kafka (label strimzi.io/cluster=" + cluster + ")"));
            }
        }
        int brokers = kafka.brokers();
        int controllers = kafka.controllers();
        if (brokers < 1 || controllers < 1 || controllers % 2 == 0) {
            out.add(new Violation("kafka", "Kafka " + name + " needs at least one broker and an odd number of KRaft controllers; "
                    + "the node pools give " + brokers + " broker(s) and " + controllers + " controller(s)"));
        }
        if (!"false".equals(String.valueOf(kafka.config().get("auto.create.topics.enable")))) {
            out.add(new Violation("kafka", "Kafka " + name + " must set auto.create.topics.enable: false (topics are declared, never "
                    + "created by a typo)"));
        }
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor", "transaction.state.log.replication.factor")) {
            if (kafka.brokerConfig(key, 3) > brokers) {
                out.add(new Violation("kafka", "Kafka " + name + " sets " + key + "=" + kafka.brokerConfig(key, 3) + " with only " + brokers
                        + " broker(s): topics, consumer groups or transactions cannot be created"));
            }
        }
        if (kafka.brokerConfig("transaction.state.log.min.isr", 2) > kafka.brokerConfig("transaction.state.log.replication.factor", 3)) {
            out.add(new Violation("kafka", "Kafka " + name + ": transaction.state.log.min.isr exceeds its replication factor; "
                    + "exactly-once never commits"));
        }
        return out;
    }
}
