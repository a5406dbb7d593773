package io.abstractcatalog.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rendered manifests as typed objects: the fabric8 Kubernetes model for the built-in kinds, and
 * {@link GenericKubernetesResource} (a map tree) for custom resources (Strimzi, CloudNativePG, KEDA, Prometheus).
 */
public final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<HasMetadata> resources;

    private Manifests(List<HasMetadata> resources) {
        this.resources = List.copyOf(resources);
    }

    /** Parses the multi-document YAML that {@code kubectl kustomize} prints. */
    public static Manifests parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        List<HasMetadata> resources = new ArrayList<>();
        collect(parsed, resources);
        return new Manifests(resources);
    }

    private static void collect(Object parsed, List<HasMetadata> into) {
        if (parsed == null) {
            return;
        }
        if (parsed instanceof KubernetesList list) {
            list.getItems().forEach(item -> collect(item, into));
        } else if (parsed instanceof Collection<?> list) {
            list.forEach(item -> collect(item, into));
        } else if (parsed instanceof HasMetadata resource) {
            into.add(resource);
        } else {
            throw new IllegalArgumentException("not a Kubernetes resource: " + parsed.getClass().getName());
        }
    }

    /** These manifests plus one more resource (for tests that add a broken one). */
    public Manifests plus(HasMetadata resource) {
        List<HasMetadata> more = new ArrayList<>(resources);
        more.add(resource);
        return new Manifests(more);
    }

    public List<HasMetadata> all() {
        return resources;
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Custom resources of a kind, e.g. {@code custom("kafka.strimzi.io", "KafkaTopic")}. */
    public List<GenericKubernetesResource> custom(String group, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> kind.equals(r.getKind()) && r.getApiVersion() != null && r.getApiVersion().startsWith(group + "/"))
                .toList();
    }

    public <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
    }

    public Optional<ConfigMap> configMap(String name) {
        return named(ConfigMap.class, name);
    }

    public Optional<Secret> secret(String name) {
        return named(Secret.class, name);
    }

    /** Converts a map tree (part of a custom resource) into a model type, e.g. a NetworkPolicyPeer. */
    public static <T> T convert(Object tree, Class<T> type) {
        return SERIALIZATION.convertValue(tree, type);
    }

    /** How many resources of each kind, e.g. {@code {ConfigMap=5, Deployment=4, …}}. */
    public Map<String, Integer> countByKind() {
        Map<String, Integer> counts = new TreeMap<>();
        resources.forEach(r -> counts.merge(r.getKind(), 1, Integer::sum));
        return counts;
    }

    /** A human handle for messages: {@code Deployment/catalog-service}. */
    public static String id(HasMetadata resource) {
        return resource.getKind() + "/" + resource.getMetadata().getName();
    }
}
