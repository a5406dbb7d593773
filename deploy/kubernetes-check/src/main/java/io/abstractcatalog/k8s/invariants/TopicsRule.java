package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.contract.Topic;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.k8s.Design;
import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Tree;
import io.abstractcatalog.k8s.Violation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The KafkaTopics are exactly the topics of {@link Topics} (plus documented infrastructure topics, never a Kafka
 * Streams internal one), with its cleanup policy and partitions, for the Kafka they are labelled for, with replicas,
 * min ISR and retention that work on its brokers.
 */
final class TopicsRule implements Rule {

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        KafkaCluster kafka = catalog.kafka();
        Map<String, GenericKubernetesResource> declared = new LinkedHashMap<>();
        for (GenericKubernetesResource topic : catalog.manifests().custom("kafka.strimzi.io", "KafkaTopic")) {
            String name = Tree.string(Tree.at(topic, "spec", "topicName")).orElse(topic.getMetadata().getName());
            if (declared.put(name, topic) != null) {
                out.add(new Violation("topics", "topic " + name + " is declared twice"));
            }
            String cluster = KafkaCluster.clusterLabel(topic);
            if (!kafka.name().equals(cluster)) {
                out.add(new Violation("topics", Manifests.id(topic) + " has label strimzi.io/cluster=" + cluster + ", not " + kafka.name()
                        + ": the Topic Operator ignores it"));
            }
            int replicas = Tree.integer(Tree.at(topic, "spec", "replicas")).orElse(kafka.brokerConfig("default.replication.factor", 1));
            int minIsr = Tree.integer(Tree.at(topic, "spec", "config", "min.insync.replicas")).orElse(kafka.brokerConfig("min.insync.replicas", 1));
            if (replicas > kafka.brokers()) {
                out.add(new Violation("topics", "topic " + name + " wants " + replicas + " replicas, but Kafka has " + kafka.brokers()
                        + " broker(s)"));
            }
            if (minIsr > replicas || (replicas > 1 && minIsr >= replicas)) {
                out.add(new Violation("topics", "topic " + name + ": min.insync.replicas=" + minIsr + " with " + replicas
                        + " replicas (must be at most replicas-1, so one broker can be down)"));
            }
            String policy = Tree.string(Tree.at(topic, "spec", "config", "cleanup.policy")).orElse("delete");
            if (!policy.equals("compact") && Tree.at(topic, "spec", "config", "retention.ms") == null) {
                out.add(new Violation("topics", "topic " + name + " deletes old records but states no retention.ms"));
            }
        }

        Set<Integer> partitionSettings = new HashSet<>();
        for (ServiceContext service : catalog.services().values()) {
            service.config().resolve("topics.partitions", service.env()).ifPresent(p -> partitionSettings.add(Integer.parseInt(p)));
        }
        if (partitionSettings.size() != 1) {
            out.add(new Violation("topics", "the services disagree on topics.partitions (TOPICS_PARTITIONS): " + partitionSettings));
        }
        int partitions = partitionSettings.stream().findFirst().orElse(3);
        Set<String> contractNames = new HashSet<>();
        for (Topic<?> spec : catalog.sources().topics()) {
            contractNames.add(spec.name());
            GenericKubernetesResource topic = declared.get(spec.name());
            if (topic == null) {
                out.add(new Violation("topics", "topic " + spec.name() + " (used by the services, io.abstractcatalog.contract.Topics) "
                        + "has no KafkaTopic — renamed in one place only?"));
                continue;
            }
            String policy = Tree.string(Tree.at(topic, "spec", "config", "cleanup.policy")).orElse("delete");
            String expected = spec.compacted() ? "compact" : "delete";
            if (!policy.equals(expected)) {
                out.add(new Violation("topics", "topic " + spec.name() + " must have cleanup.policy=" + expected + " (Topics says "
                        + (spec.compacted() ? "compacted" : "not compacted") + "), the KafkaTopic says " + policy));
            }
            int declaredPartitions = Tree.integer(Tree.at(topic, "spec", "partitions")).orElse(-1);
            if (declaredPartitions != spec.partitions(partitions)) {
                out.add(new Violation("topics", "topic " + spec.name() + " has " + declaredPartitions + " partitions, the services expect "
                        + spec.partitions(partitions) + " (Topics with topics.partitions=" + partitions + ")"));
            }
        }
        String applicationId = Optional.ofNullable(catalog.services().get("dedup-service"))
                .flatMap(s -> s.config().resolve("quarkus.kafka-streams.application-id", s.env())).orElse("dedup-service");
        for (String name : declared.keySet()) {
            if (Design.isStreamsInternal(name, applicationId)) {
                out.add(new Violation("topics", "topic " + name + " is a Kafka Streams internal topic: Kafka Streams creates and "
                        + "validates it; do not declare it"));
            } else if (!contractNames.contains(name) && !Design.INFRASTRUCTURE_TOPICS.containsKey(name)) {
                out.add(new Violation("topics", "KafkaTopic " + declared.get(name).getMetadata().getName() + " declares topic " + name
                        + ", which no service uses (not in io.abstractcatalog.contract.Topics) — renamed in one place only?"));
            }
        }
        return out;
    }
}
