package io.abstractcatalog.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Something that runs pods in the namespace: our Deployments and Jobs (with their pod templates), and the pods
 * the operators create from custom resources (Kafka nodes, the Strimzi entity operator, PostgreSQL instances),
 * with the labels those operators put on them.
 */
public record Workload(String name, HasMetadata source, Map<String, String> labels, Map<String, Integer> namedPorts,
                       List<Integer> ports, PodSpec pod) {

    /** Ours: a pod template in the manifests (as opposed to pods an operator makes). */
    public boolean ours() {
        return pod != null;
    }

    /** The containers and init containers of our pod template; none for the pods an operator makes. */
    public List<Container> containers() {
        if (pod == null) {
            return List.of();
        }
        return Stream.concat(pod.getContainers().stream(),
                pod.getInitContainers() == null ? Stream.<Container>empty() : pod.getInitContainers().stream()).toList();
    }

    public Optional<Integer> port(String name) {
        return Optional.ofNullable(namedPorts.get(name));
    }

    public static List<Workload> inventory(Manifests manifests) {
        List<Workload> workloads = new ArrayList<>();
        for (Deployment d : manifests.all(Deployment.class)) {
            workloads.add(of(d, d.getSpec().getTemplate()));
        }
        for (StatefulSet s : manifests.all(StatefulSet.class)) {
            workloads.add(of(s, s.getSpec().getTemplate()));
        }
        for (DaemonSet s : manifests.all(DaemonSet.class)) {
            workloads.add(of(s, s.getSpec().getTemplate()));
        }
        for (Job j : manifests.all(Job.class)) {
            workloads.add(of(j, j.getSpec().getTemplate()));
        }
        for (GenericKubernetesResource kafka : manifests.custom("kafka.strimzi.io", "Kafka")) {
            String cluster = kafka.getMetadata().getName();
            Map<String, Integer> listenerPorts = new LinkedHashMap<>();
            for (Object listener : Tree.list(Tree.at(kafka, "spec", "kafka", "listeners"))) {
                Tree.integer(Tree.at(listener, "port")).ifPresent(port ->
                        listenerPorts.put(Tree.string(Tree.at(listener, "name")).orElse("?"), port));
            }
            workloads.add(new Workload("kafka", kafka,
                    Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-kafka"),
                    listenerPorts, List.copyOf(listenerPorts.values()), null));
            if (Tree.at(kafka, "spec", "entityOperator") != null) {
                workloads.add(new Workload("kafka-entity-operator", kafka,
                        Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                                "strimzi.io/name", cluster + "-entity-operator"), Map.of(), List.of(), null));
            }
        }
        for (GenericKubernetesResource cluster : manifests.custom("postgresql.cnpg.io", "Cluster")) {
            String name = cluster.getMetadata().getName();
            workloads.add(new Workload(name, cluster, Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"),
                    Map.of("postgresql", 5432, "status", 8000, "metrics", 9187), List.of(5432, 8000, 9187), null));
        }
        return workloads;
    }

    private static Workload of(HasMetadata owner, PodTemplateSpec template) {
        Map<String, Integer> named = new LinkedHashMap<>();
        List<Integer> ports = new ArrayList<>();
        PodSpec pod = template.getSpec();
        for (Container container : pod.getContainers()) {
            for (ContainerPort port : container.getPorts() == null ? List.<ContainerPort>of() : container.getPorts()) {
                ports.add(port.getContainerPort());
                if (port.getName() != null) {
                    named.put(port.getName(), port.getContainerPort());
                }
            }
        }
        Map<String, String> labels = template.getMetadata() == null || template.getMetadata().getLabels() == null
                ? Map.of() : template.getMetadata().getLabels();
        return new Workload(owner.getMetadata().getName(), owner, labels, named, ports, pod);
    }
}
