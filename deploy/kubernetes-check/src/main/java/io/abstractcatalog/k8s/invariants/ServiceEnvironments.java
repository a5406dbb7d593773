package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Design;
import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.ServiceConfig;
import io.abstractcatalog.k8s.Violation;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the manifests give each service: its Deployment, its container and the environment that container gets
 * through ConfigMaps, Secrets, and the Secrets the operators create. Reading it finds the broken references (a
 * missing Deployment, ConfigMap or Secret key, a variable set twice), which {@link ServiceEnvironmentRule} reports.
 */
final class ServiceEnvironments {

    private final Manifests manifests;
    private final Map<String, ServiceContext> services = new LinkedHashMap<>();
    private final List<Violation> problems = new ArrayList<>();

    private ServiceEnvironments(Manifests manifests) {
        this.manifests = manifests;
    }

    static ServiceEnvironments read(Manifests manifests, ManifestChecker.Sources sources) {
        ServiceEnvironments read = new ServiceEnvironments(manifests);
        for (Map.Entry<String, ServiceConfig> service : sources.configs().entrySet()) {
            read.context(service.getKey(), service.getValue()).ifPresent(context -> read.services.put(service.getKey(), context));
        }
        return read;
    }

    /** The services whose Deployment and container exist, by name. */
    Map<String, ServiceContext> services() {
        return services;
    }

    /** What was wrong with the references while reading (rules "workload" and "env"). */
    List<Violation> problems() {
        return List.copyOf(problems);
    }

    private void violation(String rule, String message) {
        problems.add(new Violation(rule, message));
    }

    private Optional<ServiceContext> context(String service, ServiceConfig config) {
        Optional<Deployment> deployment = manifests.named(Deployment.class, service);
        if (deployment.isEmpty()) {
            violation("workload", "no Deployment " + service);
            return Optional.empty();
        }
        PodSpec pod = deployment.get().getSpec().getTemplate().getSpec();
        Optional<Container> container = pod.getContainers().stream().filter(c -> service.equals(c.getName())).findFirst();
        if (container.isEmpty()) {
            violation("workload", "Deployment/" + service + " has no container named " + service);
            return Optional.empty();
        }
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        String owner = "Deployment/" + service;
        for (EnvFromSource from : nullSafe(container.get().getEnvFrom())) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                Optional<ConfigMap> map = manifests.configMap(name);
                if (map.isEmpty()) {
                    if (!Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                        violation("env", owner + " takes its environment from ConfigMap " + name + ", which does not exist");
                    }
                    continue;
                }
                Map<String, String> data = map.get().getData() == null ? Map.of() : map.get().getData();
                data.forEach((key, value) -> define(owner, env, origins, prefix + key, value, "ConfigMap/" + name));
            }
            if (from.getSecretRef() != null) {
                String name = from.getSecretRef().getName();
                Optional<Secret> secret = manifests.secret(name);
                if (secret.isEmpty()) {
                    violation("env", owner + " takes its environment from Secret " + name + ", which is not in the manifests");
                    continue;
                }
                secretData(secret.get()).forEach((key, value) -> define(owner, env, origins, prefix + key, value, "Secret/" + name));
            }
        }
        for (EnvVar variable : nullSafe(container.get().getEnv())) {
            if (variable.getValueFrom() == null) {
                define(owner, env, origins, variable.getName(), variable.getValue() == null ? "" : variable.getValue(), "literal");
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                String name = variable.getValueFrom().getSecretKeyRef().getName();
                String key = variable.getValueFrom().getSecretKeyRef().getKey();
                define(owner, env, origins, variable.getName(), secretValue(owner, name, key), "Secret/" + name);
            } else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
                String name = variable.getValueFrom().getConfigMapKeyRef().getName();
                String key = variable.getValueFrom().getConfigMapKeyRef().getKey();
                Optional<String> value = manifests.configMap(name).map(ConfigMap::getData).map(d -> d.get(key));
                if (value.isEmpty()) {
                    violation("env", owner + " reads key " + key + " of ConfigMap " + name + ", which does not exist");
                }
                define(owner, env, origins, variable.getName(), value.orElse(""), "ConfigMap/" + name);
            } else {
                define(owner, env, origins, variable.getName(), "<field>", "field");
            }
        }
        return Optional.of(new ServiceContext(service, config, deployment.get(), container.get(), env, origins));
    }

    private void define(String owner, Map<String, String> env, Map<String, String> origins, String name, String value, String origin) {
        if (env.containsKey(name) && !Objects.equals(env.get(name), value)) {
            violation("env", owner + " gets " + name + " twice with different values (" + origins.get(name) + ": " + env.get(name)
                    + ", " + origin + ": " + value + "); which one wins depends on the order of envFrom and env");
        }
        env.put(name, value);
        origins.put(name, origin);
    }

    private String secretValue(String owner, String name, String key) {
        Optional<Secret> secret = manifests.secret(name);
        if (secret.isPresent()) {
            String value = secretData(secret.get()).get(key);
            if (value == null) {
                violation("env", owner + " reads key " + key + " of Secret " + name + ", which has no such key");
                return "";
            }
            return value;
        }
        Optional<String> cnpgCluster = manifests.custom("postgresql.cnpg.io", "Cluster").stream()
                .map(c -> c.getMetadata().getName()).filter(c -> name.equals(c + "-app")).findFirst();
        if (cnpgCluster.isPresent()) {
            if (!Design.CNPG_APP_SECRET_KEYS.contains(key)) {
                violation("env", owner + " reads key " + key + " of Secret " + name + ", which CloudNativePG does not create");
            }
            return "<" + name + "/" + key + ">";
        }
        boolean kafkaUser = manifests.custom("kafka.strimzi.io", "KafkaUser").stream()
                .anyMatch(user -> name.equals(user.getMetadata().getName()));
        if (kafkaUser) {
            if (!Design.STRIMZI_USER_SECRET_KEYS.contains(key)) {
                violation("env", owner + " reads key " + key + " of Secret " + name + ", which Strimzi's User Operator does not "
                        + "write for a SCRAM user");
            }
            return "<" + name + "/" + key + ">";
        }
        if (Design.USER_SECRETS.contains(name)) {
            return "<" + name + "/" + key + ">";
        }
        violation("env", owner + " reads Secret " + name + ", which is neither in the manifests, nor created by an operator, "
                + "nor a documented user-created Secret");
        return "";
    }

    private static Map<String, String> secretData(Secret secret) {
        Map<String, String> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            data.putAll(secret.getStringData());
        }
        return data;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
