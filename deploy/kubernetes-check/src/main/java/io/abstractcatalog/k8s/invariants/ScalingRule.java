package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Design;
import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Tree;
import io.abstractcatalog.k8s.Violation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The singleton runs as exactly one instance (one replica, Recreate, no autoscaler); a consumer never has more
 * replicas than the partitions of what it consumes, and its KEDA ScaledObject watches its real consumer group,
 * topic and Kafka.
 */
final class ScalingRule implements Rule {

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        for (ServiceContext service : catalog.services().values()) {
            scaling(catalog, service, out);
        }
        return out;
    }

    private static void scaling(RenderedCatalog catalog, ServiceContext service, List<Violation> out) {
        String owner = "Deployment/" + service.name();
        int replicas = Optional.ofNullable(service.deployment().getSpec().getReplicas()).orElse(1);
        List<GenericKubernetesResource> scalers = catalog.manifests().custom("keda.sh", "ScaledObject").stream()
                .filter(s -> service.name().equals(Tree.string(Tree.at(s, "spec", "scaleTargetRef", "name")).orElse(""))).toList();
        List<HorizontalPodAutoscaler> hpas = catalog.manifests().all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> service.name().equals(h.getSpec().getScaleTargetRef().getName())).toList();
        String singleton = Design.SINGLETONS.get(service.name());
        if (singleton != null) {
            if (replicas != 1) {
                out.add(new Violation("scaling", owner + " has " + replicas + " replicas; it must have exactly one: " + singleton));
            }
            String strategy = service.deployment().getSpec().getStrategy() == null ? "RollingUpdate"
                    : service.deployment().getSpec().getStrategy().getType();
            if (!"Recreate".equals(strategy)) {
                out.add(new Violation("scaling", owner + " uses strategy " + strategy + "; a rollout would run two instances at once: "
                        + singleton));
            }
            if (!scalers.isEmpty() || !hpas.isEmpty()) {
                out.add(new Violation("scaling", service.name() + " must not be autoscaled: " + singleton));
            }
            return;
        }
        Optional<Design.Consumer> consumer = Design.consumer(service.name(), service.config(), service.env());
        if (consumer.isEmpty()) {
            return;
        }
        int partitions = Integer.MAX_VALUE;
        for (String topic : consumer.get().topics()) {
            Optional<GenericKubernetesResource> declared = catalog.manifests().custom("kafka.strimzi.io", "KafkaTopic").stream()
                    .filter(t -> topic.equals(Tree.string(Tree.at(t, "spec", "topicName")).orElse(t.getMetadata().getName()))).findFirst();
            if (declared.isEmpty()) {
                out.add(new Violation("scaling", service.name() + " consumes topic " + topic + ", which has no KafkaTopic"));
                continue;
            }
            partitions = Math.min(partitions, Tree.integer(Tree.at(declared.get(), "spec", "partitions")).orElse(1));
        }
        if (partitions == Integer.MAX_VALUE) {
            return;
        }
        if (replicas > partitions) {
            out.add(new Violation("scaling", owner + " has " + replicas + " replicas for " + partitions + " partitions of "
                    + consumer.get().topics() + ": the extra instances idle"));
        }
        String bootstrap = service.config().resolve("kafka.bootstrap.servers", service.env()).orElse("");
        for (GenericKubernetesResource scaler : scalers) {
            scaler(scaler, service, consumer.get(), partitions, replicas, bootstrap, out);
        }
        for (HorizontalPodAutoscaler hpa : hpas) {
            if (hpa.getSpec().getMaxReplicas() > partitions) {
                out.add(new Violation("scaling", Manifests.id(hpa) + " scales to " + hpa.getSpec().getMaxReplicas() + " replicas for "
                        + partitions + " partitions"));
            }
        }
    }

    private static void scaler(GenericKubernetesResource scaler, ServiceContext service, Design.Consumer consumer, int partitions,
                               int replicas, String bootstrap, List<Violation> out) {
        String id = Manifests.id(scaler);
        int max = Tree.integer(Tree.at(scaler, "spec", "maxReplicaCount")).orElse(100);
        int min = Tree.integer(Tree.at(scaler, "spec", "minReplicaCount")).orElse(0);
        if (max > partitions) {
            out.add(new Violation("scaling", id + " scales to " + max + " replicas, but " + consumer.topics() + " has " + partitions
                    + " partitions: at most " + partitions + " instances can consume"));
        }
        if (min > max || replicas < min || replicas > max) {
            out.add(new Violation("scaling", id + " range " + min + ".." + max + " does not contain the Deployment's " + replicas + " replicas"));
        }
        List<Object> kafkaTriggers = Tree.list(Tree.at(scaler, "spec", "triggers")).stream()
                .filter(t -> "kafka".equals(Tree.at(t, "type"))).toList();
        if (kafkaTriggers.isEmpty()) {
            out.add(new Violation("scaling", id + " does not scale on consumer lag (no kafka trigger)"));
        }
        for (Object trigger : kafkaTriggers) {
            String group = Tree.string(Tree.at(trigger, "metadata", "consumerGroup")).orElse("");
            String topic = Tree.string(Tree.at(trigger, "metadata", "topic")).orElse("");
            String servers = Tree.string(Tree.at(trigger, "metadata", "bootstrapServers")).orElse("");
            if (!group.equals(consumer.group())) {
                out.add(new Violation("scaling", id + " watches consumer group " + group + ", but " + service.name() + " consumes as "
                        + consumer.group()));
            }
            if (!consumer.topics().contains(topic)) {
                out.add(new Violation("scaling", id + " watches topic " + topic + ", but " + service.name() + " consumes " + consumer.topics()));
            }
            if (!servers.equals(bootstrap)) {
                out.add(new Violation("scaling", id + " reads lag from " + servers + ", but " + service.name() + " uses Kafka at " + bootstrap));
            }
        }
    }
}
