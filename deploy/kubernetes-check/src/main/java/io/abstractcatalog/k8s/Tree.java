package io.abstractcatalog.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the map tree of a custom resource without casts everywhere. */
public final class Tree {

    private Tree() {
    }

    public static Object at(GenericKubernetesResource resource, String... path) {
        Object node = resource.getAdditionalProperties();
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    public static Object at(Object node, String... path) {
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    public static Optional<String> string(Object node) {
        return node == null ? Optional.empty() : Optional.of(String.valueOf(node));
    }

    public static Optional<Integer> integer(Object node) {
        if (node instanceof Number number) {
            return Optional.of(number.intValue());
        }
        if (node instanceof String text && text.matches("-?\\d+")) {
            return Optional.of(Integer.parseInt(text));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object node) {
        return node instanceof List<?> list ? (List<Object>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
