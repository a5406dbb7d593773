package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.ServiceConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;

/**
 * One service as deployed: its configuration file, its Deployment and container, and the environment that
 * container gets ({@code env} values; {@code origins} says where each came from, e.g. {@code Secret/catalog-db-app}).
 */
record ServiceContext(String name, ServiceConfig config, Deployment deployment, Container container,
                      Map<String, String> env, Map<String, String> origins) {

    boolean fromSecret(String variable) {
        String origin = origins.get(variable);
        return origin != null && origin.startsWith("Secret/");
    }
}
