package io.abstractcatalog.k8s;

import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks rendered manifests against the services' real configuration and the design. Expectations come from the
 * sources wherever they say it: topic names and kinds from {@link Topics}, ports, health paths, consumer groups,
 * machine-local defaults and credentials from each service's {@code application.properties}.
 * {@link #check} returns every violation found (an empty list means the manifests are consistent).
 */
public final class ManifestChecker {

    /** What the manifests are checked against; tests change one piece to prove a check bites. */
    public record Sources(Map<String, ServiceConfig> configs, IntFunction<List<Topics.Spec>> topics) {

        public static Sources of(ProjectLayout layout) {
            Map<String, ServiceConfig> configs = new LinkedHashMap<>();
            for (String service : ProjectLayout.SERVICES) {
                configs.put(service, ServiceConfig.load(service, layout.applicationProperties(service)));
            }
            return new Sources(configs, Topics::all);
        }

        public Sources withConfig(ServiceConfig config) {
            Map<String, ServiceConfig> changed = new LinkedHashMap<>(configs);
            changed.put(config.service(), config);
            return new Sources(changed, topics);
        }

        public Sources withTopics(IntFunction<List<Topics.Spec>> changed) {
            return new Sources(configs, changed);
        }
    }

    private static final Pattern MACHINE_LOCAL = Pattern.compile("localhost|127\\.0\\.0\\.1|\\$\\{java\\.io\\.tmpdir}|^\\.{1,2}/");
    private static final Pattern PATH_VALUE = Pattern.compile("^(\\.{1,2}/|/|\\$\\{java\\.io\\.tmpdir})");
    /** Kafka connection settings that hold a secret: the JAAS login line (user and password), key store passwords. */
    private static final Pattern KAFKA_SECRET_KEY = Pattern.compile("^sasl\\.jaas\\.config$|password$|^ssl\\.keystore\\.key$");
    private static final Pattern CREDENTIAL_KEY = Pattern.compile("(^|[.-])(password|username|secret|token|access-key)$");
    private static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)");

    private final Manifests manifests;
    private final Sources sources;
    private final List<Violation> out = new ArrayList<>();
    private final List<Workload> workloads;
    private final Map<String, ServiceContext> services = new LinkedHashMap<>();

    private ManifestChecker(Manifests manifests, Sources sources) {
        this.manifests = manifests;
        this.sources = sources;
        this.workloads = Workload.inventory(manifests);
    }

    public static List<Violation> check(Manifests manifests, Sources sources) {
        ManifestChecker checker = new ManifestChecker(manifests, sources);
        checker.run();
        return List.copyOf(checker.out);
    }

    private void run() {
        namespaces();
        for (String service : sources.configs().keySet()) {
            context(service).ifPresent(context -> services.put(service, context));
        }
        Kafka kafka = kafka();
        topics(kafka);
        for (ServiceContext service : services.values()) {
            environment(service);
            probesAndPorts(service);
            volumes(service);
            scaling(service, kafka);
            disruptionBudget(service);
        }
        postgres();
        minio(kafka);
        for (Workload workload : workloads) {
            if (workload.ours()) {
                podSecurity(workload);
            }
        }
        images();
        selectors();
        new NetworkFlows(manifests, workloads, out).check(NetworkFlows.designed(manifests, workloads, services));
    }

    private void violation(String rule, String message) {
        out.add(new Violation(rule, message));
    }

    // ---- namespace -------------------------------------------------------------------------------------------

    private void namespaces() {
        List<Namespace> namespaces = manifests.all(Namespace.class);
        if (namespaces.size() != 1 || !Design.NAMESPACE.equals(namespaces.get(0).getMetadata().getName())) {
            violation("namespace", "expected exactly the Namespace " + Design.NAMESPACE + ", found "
                    + namespaces.stream().map(n -> n.getMetadata().getName()).toList());
        }
        for (HasMetadata resource : manifests.all()) {
            if (!(resource instanceof Namespace) && !Design.NAMESPACE.equals(resource.getMetadata().getNamespace())) {
                violation("namespace", Manifests.id(resource) + " is in namespace " + resource.getMetadata().getNamespace()
                        + ", not " + Design.NAMESPACE + " (set namespace: in the kustomization that adds it)");
            }
        }
    }

    // ---- services and their environment ----------------------------------------------------------------------

    private Optional<ServiceContext> context(String service) {
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
        return Optional.of(new ServiceContext(service, sources.configs().get(service), deployment.get(), container.get(), env, origins));
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

    /**
     * Every variable must set a key the service reads (else it is silently ignored — a typo, or a renamed key);
     * every key whose default only works on a developer's machine must be set; credentials come from Secrets.
     */
    private void environment(ServiceContext service) {
        ServiceConfig config = service.config();
        String owner = "Deployment/" + service.name();
        Set<String> known = new HashSet<>();
        config.keys().forEach(key -> known.add(ServiceConfig.envName(key)));
        known.addAll(Design.OPTIONAL_ENV.getOrDefault(service.name(), Set.of()));
        for (String variable : service.env().keySet()) {
            Optional<String> kafkaKey = kafkaConnectionKey(variable);
            if (kafkaKey.isPresent() && KAFKA_SECRET_KEY.matcher(kafkaKey.get()).find()
                    && !service.fromSecret(variable)) {
                violation("env", owner + " sets the Kafka credential " + variable + " from "
                        + service.origins().getOrDefault(variable, "a literal") + ": it must come from a Secret");
            } else if (!known.contains(variable) && kafkaKey.isEmpty()) {
                violation("env", owner + " sets " + variable + ", which matches no key of " + service.name()
                        + "'s application.properties: the service ignores it");
            }
        }
        for (String key : config.keys()) {
            Optional<String> raw = config.raw(key);
            if (raw.isEmpty()) {
                continue;
            }
            String resolved = config.resolve(key, service.env()).orElse("");
            if (MACHINE_LOCAL.matcher(raw.get()).find() && MACHINE_LOCAL.matcher(resolved).find()) {
                violation("env", service.name() + " reads " + key + " (default " + raw.get() + ", only right on a developer's "
                        + "machine) but " + owner + " does not provide " + ServiceConfig.envName(key));
            }
            if (CREDENTIAL_KEY.matcher(key).find() && !service.fromSecret(ServiceConfig.envName(key))) {
                violation("env", service.name() + " reads the credential " + key + ": " + owner + " must set "
                        + ServiceConfig.envName(key) + " from a Secret, not "
                        + service.origins().getOrDefault(ServiceConfig.envName(key), "the file's default"));
            }
        }
    }

    /**
     * The Kafka client key a variable sets when it is one of the connection settings every Kafka client of every
     * service takes (KafkaConnection: KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*), read as Quarkus reads them.
     */
    static Optional<String> kafkaConnectionKey(String variable) {
        if (!variable.startsWith("KAFKA_")) {
            return Optional.empty();
        }
        String key = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
        return KafkaConnection.isConnectionSetting(key) ? Optional.of(key) : Optional.empty();
    }

    // ---- probes, ports, metrics ------------------------------------------------------------------------------

    private void probesAndPorts(ServiceContext service) {
        String owner = "Deployment/" + service.name();
        Map<String, String> env = service.env();
        int port = service.config().httpPort(env);
        Container container = service.container();
        Map<String, Integer> named = new LinkedHashMap<>();
        nullSafe(container.getPorts()).forEach(p -> {
            if (p.getName() != null) {
                named.put(p.getName(), p.getContainerPort());
            }
        });
        if (!Integer.valueOf(port).equals(named.get("http"))) {
            violation("ports", owner + " declares container port http=" + named.get("http") + ", but " + service.name()
                    + " listens on " + port + " (quarkus.http.port)");
        }
        checkProbe(owner, "startup", container.getStartupProbe(), service.config().healthPath("started", env), port, named);
        checkProbe(owner, "liveness", container.getLivenessProbe(), service.config().healthPath("live", env), port, named);
        checkProbe(owner, "readiness", container.getReadinessProbe(), service.config().healthPath("ready", env), port, named);

        Optional<Service> svc = manifests.named(Service.class, service.name());
        if (svc.isEmpty()) {
            violation("ports", "no Service " + service.name());
        } else {
            boolean routes = nullSafe(svc.get().getSpec().getPorts()).stream()
                    .anyMatch(p -> Objects.equals(resolve(p.getTargetPort() == null ? new IntOrString(p.getPort()) : p.getTargetPort(), named), port));
            if (!routes) {
                violation("ports", "Service/" + service.name() + " has no port that reaches the container's port " + port);
            }
        }
        Map<String, String> annotations = Optional.ofNullable(service.deployment().getSpec().getTemplate().getMetadata().getAnnotations())
                .orElse(Map.of());
        String metrics = service.config().metricsPath(env);
        if (!"true".equals(annotations.get("prometheus.io/scrape")) || !String.valueOf(port).equals(annotations.get("prometheus.io/port"))
                || !metrics.equals(annotations.get("prometheus.io/path"))) {
            violation("metrics", owner + " pod annotations must say prometheus.io/scrape=true, prometheus.io/port=" + port
                    + ", prometheus.io/path=" + metrics + "; found " + annotations);
        }
        for (GenericKubernetesResource monitor : manifests.custom("monitoring.coreos.com", "ServiceMonitor")) {
            LabelSelectorHolder selector = LabelSelectorHolder.of(Tree.at(monitor, "spec", "selector"));
            if (svc.isPresent() && selector.matches(svc.get().getMetadata().getLabels())) {
                for (Object endpoint : Tree.list(Tree.at(monitor, "spec", "endpoints"))) {
                    String portName = Tree.string(Tree.at(endpoint, "port")).orElse("");
                    boolean exists = nullSafe(svc.get().getSpec().getPorts()).stream().map(ServicePort::getName).anyMatch(portName::equals);
                    if (!exists) {
                        violation("metrics", Manifests.id(monitor) + " scrapes port '" + portName + "', which Service/" + service.name() + " lacks");
                    }
                    if (!metrics.equals(Tree.string(Tree.at(endpoint, "path")).orElse("/metrics"))) {
                        violation("metrics", Manifests.id(monitor) + " scrapes " + Tree.at(endpoint, "path") + ", but " + service.name()
                                + " serves metrics at " + metrics);
                    }
                }
            }
        }
    }

    private void checkProbe(String owner, String kind, Probe probe, String path, int port, Map<String, Integer> named) {
        if (probe == null || probe.getHttpGet() == null) {
            violation("probes", owner + " has no HTTP " + kind + " probe (expected GET " + path + " on port " + port + ")");
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            violation("probes", owner + " " + kind + " probe GETs " + probe.getHttpGet().getPath() + ", but the service serves " + path);
        }
        Integer probed = resolve(probe.getHttpGet().getPort(), named);
        if (!Objects.equals(probed, port)) {
            violation("probes", owner + " " + kind + " probe uses port " + probe.getHttpGet().getPort().getValue() + " (" + probed
                    + "), but the service listens on " + port);
        }
    }

    private static Integer resolve(IntOrString port, Map<String, Integer> named) {
        if (port == null) {
            return null;
        }
        return port.getIntVal() != null ? port.getIntVal() : named.get(port.getStrVal());
    }

    // ---- volumes ---------------------------------------------------------------------------------------------

    /** With a read-only root file system, every place the service writes must be a mounted, writable volume. */
    private void volumes(ServiceContext service) {
        String owner = "Deployment/" + service.name();
        PodSpec pod = service.deployment().getSpec().getTemplate().getSpec();
        Set<String> volumes = new HashSet<>();
        nullSafe(pod.getVolumes()).forEach(v -> volumes.add(v.getName()));
        List<VolumeMount> mounts = nullSafe(service.container().getVolumeMounts());
        for (VolumeMount mount : mounts) {
            if (!volumes.contains(mount.getName())) {
                violation("volumes", owner + " mounts volume " + mount.getName() + ", which the pod does not define");
            }
        }
        for (Volume volume : nullSafe(pod.getVolumes())) {
            if (volume.getPersistentVolumeClaim() != null
                    && manifests.named(PersistentVolumeClaim.class, volume.getPersistentVolumeClaim().getClaimName()).isEmpty()) {
                violation("volumes", owner + " claims PersistentVolumeClaim " + volume.getPersistentVolumeClaim().getClaimName()
                        + ", which does not exist");
            }
        }
        if (!writable(mounts, "/tmp/x")) {
            violation("volumes", owner + " has no writable volume at /tmp (java.io.tmpdir) under its read-only root file system");
        }
        for (String key : service.config().keys()) {
            Optional<String> raw = service.config().raw(key);
            if (raw.isEmpty() || !PATH_VALUE.matcher(raw.get()).find()) {
                continue;
            }
            String path = service.config().resolve(key, service.env()).orElse("");
            if (!path.startsWith("/") || !writable(mounts, path)) {
                violation("volumes", service.name() + " writes to " + key + " = " + path + ", which is not on a writable volume of " + owner);
            }
        }
    }

    private static boolean writable(List<VolumeMount> mounts, String path) {
        return mounts.stream().anyMatch(m -> !Boolean.TRUE.equals(m.getReadOnly())
                && (path.equals(m.getMountPath()) || path.startsWith(m.getMountPath().endsWith("/") ? m.getMountPath() : m.getMountPath() + "/")));
    }

    // ---- Kafka and topics ------------------------------------------------------------------------------------

    private record Kafka(String name, int brokers, Map<String, Object> config, Map<Integer, Object> listeners) {
        int brokerConfig(String key, int fallback) {
            return Tree.integer(config.get(key)).orElse(fallback);
        }
    }

    private Kafka kafka() {
        List<GenericKubernetesResource> clusters = manifests.custom("kafka.strimzi.io", "Kafka");
        if (clusters.size() != 1) {
            violation("kafka", "expected one Kafka resource, found " + clusters.size());
            return new Kafka("?", 0, Map.of(), Map.of());
        }
        GenericKubernetesResource kafka = clusters.get(0);
        String name = kafka.getMetadata().getName();
        int brokers = 0;
        int controllers = 0;
        for (GenericKubernetesResource pool : manifests.custom("kafka.strimzi.io", "KafkaNodePool")) {
            Map<String, String> labels = Optional.ofNullable(pool.getMetadata().getLabels()).orElse(Map.of());
            if (!name.equals(labels.get("strimzi.io/cluster"))) {
                violation("kafka", Manifests.id(pool) + " belongs to no Kafka (label strimzi.io/cluster=" + labels.get("strimzi.io/cluster") + ")");
                continue;
            }
            int replicas = Tree.integer(Tree.at(pool, "spec", "replicas")).orElse(0);
            List<Object> roles = Tree.list(Tree.at(pool, "spec", "roles"));
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        if (brokers < 1 || controllers < 1 || controllers % 2 == 0) {
            violation("kafka", "Kafka " + name + " needs at least one broker and an odd number of KRaft controllers; the node pools give "
                    + brokers + " broker(s) and " + controllers + " controller(s)");
        }
        if (Tree.at(kafka, "spec", "kafka", "version") == null) {
            violation("images", "Kafka " + name + " does not pin spec.kafka.version (Strimzi picks the image by version)");
        }
        Tree.string(Tree.at(kafka, "spec", "kafka", "image")).ifPresent(image -> pinned("Kafka/" + name, image));
        Map<String, Object> config = Tree.map(Tree.at(kafka, "spec", "kafka", "config"));
        if (!"false".equals(String.valueOf(config.get("auto.create.topics.enable")))) {
            violation("kafka", "Kafka " + name + " must set auto.create.topics.enable: false (topics are declared, never created by a typo)");
        }
        Kafka result = new Kafka(name, brokers, config, new LinkedHashMap<>());
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor", "transaction.state.log.replication.factor")) {
            if (result.brokerConfig(key, 3) > brokers) {
                violation("kafka", "Kafka " + name + " sets " + key + "=" + result.brokerConfig(key, 3) + " with only " + brokers
                        + " broker(s): topics, consumer groups or transactions cannot be created");
            }
        }
        if (result.brokerConfig("transaction.state.log.min.isr", 2) > result.brokerConfig("transaction.state.log.replication.factor", 3)) {
            violation("kafka", "Kafka " + name + ": transaction.state.log.min.isr exceeds its replication factor; exactly-once never commits");
        }
        for (Object listener : Tree.list(Tree.at(kafka, "spec", "kafka", "listeners"))) {
            Tree.integer(Tree.at(listener, "port")).ifPresent(port -> result.listeners().put(port, listener));
        }
        String bootstrap = name + "-kafka-bootstrap";
        for (ServiceContext service : services.values()) {
            String servers = service.config().resolve("kafka.bootstrap.servers", service.env()).orElse("");
            for (String server : servers.split("\\s*,\\s*")) {
                String host = server.contains(":") ? server.substring(0, server.lastIndexOf(':')) : server;
                int port = Integer.parseInt(NetworkFlows.port(server, 9092));
                Object listener = result.listeners().get(port);
                if (!host.equals(bootstrap) && !host.startsWith(bootstrap + ".")) {
                    violation("kafka", service.name() + " connects to Kafka at " + server + ", not the bootstrap service " + bootstrap
                            + " of Kafka " + name);
                } else if (listener == null) {
                    violation("kafka", service.name() + " connects to port " + port + ", where Kafka " + name + " has no listener");
                } else {
                    listenerSecurity(service, name, listener);
                }
            }
        }
        return result;
    }

    /**
     * The service's Kafka connection settings (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*; none: PLAINTEXT)
     * must be what the listener it connects to requires: TLS needs the cluster CA to trust (Strimzi's is in no JVM's
     * default trust store), SCRAM a SASL protocol, the mechanism and a JAAS login.
     */
    private void listenerSecurity(ServiceContext service, String cluster, Object listener) {
        boolean tls = Boolean.TRUE.equals(Tree.at(listener, "tls"));
        String authentication = Tree.string(Tree.at(listener, "authentication", "type")).orElse("");
        boolean sasl = authentication.startsWith("scram-sha-");
        String expected = sasl ? (tls ? "SASL_SSL" : "SASL_PLAINTEXT") : (tls ? "SSL" : "PLAINTEXT");
        Map<String, String> env = service.env();
        String protocol = env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        String where = service.name() + " connects to listener " + Tree.at(listener, "name") + " of Kafka " + cluster;
        if (!protocol.equals(expected)) {
            violation("kafka", where + " (" + (tls ? "TLS" : "no TLS") + (sasl ? ", " + authentication : "")
                    + ") with security protocol " + protocol + ": set KAFKA_SECURITY_PROTOCOL=" + expected);
            return;
        }
        if (tls && !env.containsKey("KAFKA_SSL_TRUSTSTORE_LOCATION") && !env.containsKey("KAFKA_SSL_TRUSTSTORE_CERTIFICATES")) {
            violation("kafka", where + " over TLS but trusts only the JVM's default CAs: mount ca.crt of Secret " + cluster
                    + "-cluster-ca-cert and set KAFKA_SSL_TRUSTSTORE_TYPE=PEM and KAFKA_SSL_TRUSTSTORE_LOCATION");
        }
        if (sasl) {
            String mechanism = authentication.toUpperCase(Locale.ROOT);
            if (!mechanism.equals(env.get("KAFKA_SASL_MECHANISM"))) {
                violation("kafka", where + ", which authenticates with " + authentication + ": set KAFKA_SASL_MECHANISM="
                        + mechanism);
            }
            if (!env.containsKey("KAFKA_SASL_JAAS_CONFIG")) {
                violation("kafka", where + ", which authenticates with " + authentication
                        + ", without KAFKA_SASL_JAAS_CONFIG (key sasl.jaas.config of the KafkaUser's Secret)");
            }
        }
    }

    private void topics(Kafka kafka) {
        Map<String, GenericKubernetesResource> declared = new LinkedHashMap<>();
        for (GenericKubernetesResource topic : manifests.custom("kafka.strimzi.io", "KafkaTopic")) {
            String name = Tree.string(Tree.at(topic, "spec", "topicName")).orElse(topic.getMetadata().getName());
            if (declared.put(name, topic) != null) {
                violation("topics", "topic " + name + " is declared twice");
            }
            String cluster = Optional.ofNullable(topic.getMetadata().getLabels()).map(l -> l.get("strimzi.io/cluster")).orElse(null);
            if (!kafka.name().equals(cluster)) {
                violation("topics", Manifests.id(topic) + " has label strimzi.io/cluster=" + cluster + ", not " + kafka.name()
                        + ": the Topic Operator ignores it");
            }
            int replicas = Tree.integer(Tree.at(topic, "spec", "replicas")).orElse(kafka.brokerConfig("default.replication.factor", 1));
            int minIsr = Tree.integer(Tree.at(topic, "spec", "config", "min.insync.replicas")).orElse(kafka.brokerConfig("min.insync.replicas", 1));
            if (replicas > kafka.brokers()) {
                violation("topics", "topic " + name + " wants " + replicas + " replicas, but Kafka has " + kafka.brokers() + " broker(s)");
            }
            if (minIsr > replicas || (replicas > 1 && minIsr >= replicas)) {
                violation("topics", "topic " + name + ": min.insync.replicas=" + minIsr + " with " + replicas
                        + " replicas (must be at most replicas-1, so one broker can be down)");
            }
            String policy = Tree.string(Tree.at(topic, "spec", "config", "cleanup.policy")).orElse("delete");
            if (!policy.equals("compact") && Tree.at(topic, "spec", "config", "retention.ms") == null) {
                violation("topics", "topic " + name + " deletes old records but states no retention.ms");
            }
        }

        Set<Integer> partitionSettings = new HashSet<>();
        for (ServiceContext service : services.values()) {
            service.config().resolve("topics.partitions", service.env()).ifPresent(p -> partitionSettings.add(Integer.parseInt(p)));
        }
        if (partitionSettings.size() != 1) {
            violation("topics", "the services disagree on topics.partitions (TOPICS_PARTITIONS): " + partitionSettings);
        }
        int partitions = partitionSettings.stream().findFirst().orElse(3);
        List<Topics.Spec> contract = sources.topics().apply(partitions);
        Set<String> contractNames = new HashSet<>();
        for (Topics.Spec spec : contract) {
            contractNames.add(spec.name());
            GenericKubernetesResource topic = declared.get(spec.name());
            if (topic == null) {
                violation("topics", "topic " + spec.name() + " (used by the services, io.abstractcatalog.contract.Topics) has no KafkaTopic"
                        + " — renamed in one place only?");
                continue;
            }
            String policy = Tree.string(Tree.at(topic, "spec", "config", "cleanup.policy")).orElse("delete");
            String expected = spec.compacted() ? "compact" : "delete";
            if (!policy.equals(expected)) {
                violation("topics", "topic " + spec.name() + " must have cleanup.policy=" + expected + " (Topics says "
                        + (spec.compacted() ? "compacted" : "not compacted") + "), the KafkaTopic says " + policy);
            }
            int declaredPartitions = Tree.integer(Tree.at(topic, "spec", "partitions")).orElse(-1);
            if (declaredPartitions != spec.partitions()) {
                violation("topics", "topic " + spec.name() + " has " + declaredPartitions + " partitions, the services expect "
                        + spec.partitions() + " (Topics.all with topics.partitions=" + partitions + ")");
            }
        }
        String applicationId = Optional.ofNullable(services.get("dedup-service"))
                .flatMap(s -> s.config().resolve("quarkus.kafka-streams.application-id", s.env())).orElse("dedup-service");
        for (String name : declared.keySet()) {
            if (Design.isStreamsInternal(name, applicationId)) {
                violation("topics", "topic " + name + " is a Kafka Streams internal topic: Kafka Streams creates and validates it; "
                        + "do not declare it");
            } else if (!contractNames.contains(name) && !Design.INFRASTRUCTURE_TOPICS.containsKey(name)) {
                violation("topics", "KafkaTopic " + declared.get(name).getMetadata().getName() + " declares topic " + name
                        + ", which no service uses (not in io.abstractcatalog.contract.Topics) — renamed in one place only?");
            }
        }
    }

    // ---- scaling and disruption ------------------------------------------------------------------------------

    private void scaling(ServiceContext service, Kafka kafka) {
        String owner = "Deployment/" + service.name();
        int replicas = Optional.ofNullable(service.deployment().getSpec().getReplicas()).orElse(1);
        List<GenericKubernetesResource> scalers = manifests.custom("keda.sh", "ScaledObject").stream()
                .filter(s -> service.name().equals(Tree.string(Tree.at(s, "spec", "scaleTargetRef", "name")).orElse(""))).toList();
        List<HorizontalPodAutoscaler> hpas = manifests.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> service.name().equals(h.getSpec().getScaleTargetRef().getName())).toList();
        String singleton = Design.SINGLETONS.get(service.name());
        if (singleton != null) {
            if (replicas != 1) {
                violation("scaling", owner + " has " + replicas + " replicas; it must have exactly one: " + singleton);
            }
            String strategy = service.deployment().getSpec().getStrategy() == null ? "RollingUpdate"
                    : service.deployment().getSpec().getStrategy().getType();
            if (!"Recreate".equals(strategy)) {
                violation("scaling", owner + " uses strategy " + strategy + "; a rollout would run two instances at once: " + singleton);
            }
            if (!scalers.isEmpty() || !hpas.isEmpty()) {
                violation("scaling", service.name() + " must not be autoscaled: " + singleton);
            }
            return;
        }
        Optional<Design.Consumer> consumer = Design.consumer(service.name(), service.config(), service.env());
        if (consumer.isEmpty()) {
            return;
        }
        int partitions = Integer.MAX_VALUE;
        for (String topic : consumer.get().topics()) {
            Optional<GenericKubernetesResource> declared = manifests.custom("kafka.strimzi.io", "KafkaTopic").stream()
                    .filter(t -> topic.equals(Tree.string(Tree.at(t, "spec", "topicName")).orElse(t.getMetadata().getName()))).findFirst();
            if (declared.isEmpty()) {
                violation("scaling", service.name() + " consumes topic " + topic + ", which has no KafkaTopic");
                continue;
            }
            partitions = Math.min(partitions, Tree.integer(Tree.at(declared.get(), "spec", "partitions")).orElse(1));
        }
        if (partitions == Integer.MAX_VALUE) {
            return;
        }
        if (replicas > partitions) {
            violation("scaling", owner + " has " + replicas + " replicas for " + partitions + " partitions of "
                    + consumer.get().topics() + ": the extra instances idle");
        }
        String bootstrap = service.config().resolve("kafka.bootstrap.servers", service.env()).orElse("");
        for (GenericKubernetesResource scaler : scalers) {
            String id = Manifests.id(scaler);
            int max = Tree.integer(Tree.at(scaler, "spec", "maxReplicaCount")).orElse(100);
            int min = Tree.integer(Tree.at(scaler, "spec", "minReplicaCount")).orElse(0);
            if (max > partitions) {
                violation("scaling", id + " scales to " + max + " replicas, but " + consumer.get().topics() + " has " + partitions
                        + " partitions: at most " + partitions + " instances can consume");
            }
            if (min > max || replicas < min || replicas > max) {
                violation("scaling", id + " range " + min + ".." + max + " does not contain the Deployment's " + replicas + " replicas");
            }
            List<Object> kafkaTriggers = Tree.list(Tree.at(scaler, "spec", "triggers")).stream()
                    .filter(t -> "kafka".equals(Tree.at(t, "type"))).toList();
            if (kafkaTriggers.isEmpty()) {
                violation("scaling", id + " does not scale on consumer lag (no kafka trigger)");
            }
            for (Object trigger : kafkaTriggers) {
                String group = Tree.string(Tree.at(trigger, "metadata", "consumerGroup")).orElse("");
                String topic = Tree.string(Tree.at(trigger, "metadata", "topic")).orElse("");
                String servers = Tree.string(Tree.at(trigger, "metadata", "bootstrapServers")).orElse("");
                if (!group.equals(consumer.get().group())) {
                    violation("scaling", id + " watches consumer group " + group + ", but " + service.name() + " consumes as "
                            + consumer.get().group());
                }
                if (!consumer.get().topics().contains(topic)) {
                    violation("scaling", id + " watches topic " + topic + ", but " + service.name() + " consumes " + consumer.get().topics());
                }
                if (!servers.equals(bootstrap)) {
                    violation("scaling", id + " reads lag from " + servers + ", but " + service.name() + " uses Kafka at " + bootstrap);
                }
            }
        }
        for (HorizontalPodAutoscaler hpa : hpas) {
            if (hpa.getSpec().getMaxReplicas() > partitions) {
                violation("scaling", Manifests.id(hpa) + " scales to " + hpa.getSpec().getMaxReplicas() + " replicas for " + partitions + " partitions");
            }
        }
    }

    private void disruptionBudget(ServiceContext service) {
        Map<String, String> labels = service.deployment().getSpec().getTemplate().getMetadata().getLabels();
        List<PodDisruptionBudget> budgets = manifests.all(PodDisruptionBudget.class).stream()
                .filter(b -> Selectors.matches(b.getSpec().getSelector(), labels)).toList();
        if (budgets.size() != 1) {
            violation("pdb", "Deployment/" + service.name() + " must be covered by exactly one PodDisruptionBudget, found " + budgets.size());
            return;
        }
        PodDisruptionBudget budget = budgets.get(0);
        int replicas = Optional.ofNullable(service.deployment().getSpec().getReplicas()).orElse(1);
        IntOrString minAvailable = budget.getSpec().getMinAvailable();
        IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
        boolean allowsDrain;
        if (maxUnavailable != null) {
            allowsDrain = maxUnavailable.getIntVal() != null ? maxUnavailable.getIntVal() >= 1 : !maxUnavailable.getStrVal().equals("0%");
        } else if (minAvailable != null && minAvailable.getIntVal() != null) {
            allowsDrain = minAvailable.getIntVal() < replicas;
        } else {
            allowsDrain = minAvailable != null && !minAvailable.getStrVal().equals("100%");
        }
        if (!allowsDrain) {
            violation("pdb", Manifests.id(budget) + " never allows evicting a pod of " + service.name() + " (" + replicas
                    + " replicas): node drains would hang");
        }
    }

    // ---- PostgreSQL ------------------------------------------------------------------------------------------

    private void postgres() {
        ServiceContext catalog = services.get("catalog-service");
        if (catalog == null) {
            return;
        }
        String url = catalog.config().resolve("quarkus.datasource.jdbc.url", catalog.env()).orElse("");
        Matcher jdbc = JDBC.matcher(url);
        List<GenericKubernetesResource> clusters = manifests.custom("postgresql.cnpg.io", "Cluster");
        if (!jdbc.find()) {
            violation("postgres", "catalog-service's JDBC URL " + url + " is not a PostgreSQL URL");
            return;
        }
        String host = jdbc.group(1).split("\\.")[0];
        Optional<GenericKubernetesResource> cluster = clusters.stream()
                .filter(c -> host.equals(c.getMetadata().getName() + "-rw")).findFirst();
        if (cluster.isEmpty()) {
            violation("postgres", "catalog-service connects to " + jdbc.group(1) + ", which is not the read-write service (<cluster>-rw) of a "
                    + "CloudNativePG Cluster " + clusters.stream().map(c -> c.getMetadata().getName()).toList());
            return;
        }
        String name = cluster.get().getMetadata().getName();
        String database = Tree.string(Tree.at(cluster.get(), "spec", "bootstrap", "initdb", "database")).orElse("app");
        if (!database.equals(jdbc.group(3))) {
            violation("postgres", "catalog-service uses database " + jdbc.group(3) + ", Cluster " + name + " creates " + database);
        }
        for (String key : List.of("quarkus.datasource.username", "quarkus.datasource.password")) {
            String origin = catalog.origins().getOrDefault(ServiceConfig.envName(key), "the file's default");
            if (!origin.equals("Secret/" + name + "-app")) {
                violation("postgres", "catalog-service must read " + key + " from Secret " + name + "-app (CloudNativePG's app user), not " + origin);
            }
        }
        if (!"true".equals(catalog.config().resolve("quarkus.flyway.migrate-at-start", catalog.env()).orElse("false"))) {
            violation("postgres", "catalog-service must migrate its schema at start (quarkus.flyway.migrate-at-start=true)");
        }
        Object image = Tree.at(cluster.get(), "spec", "imageName");
        if (image == null) {
            violation("images", "Cluster " + name + " does not pin spec.imageName (the PostgreSQL image follows the operator otherwise)");
        } else {
            pinned("Cluster/" + name, String.valueOf(image));
        }
    }

    // ---- MinIO (dev) -----------------------------------------------------------------------------------------

    private void minio(Kafka kafka) {
        Optional<Deployment> minio = manifests.named(Deployment.class, "minio");
        if (minio.isEmpty()) {
            return;
        }
        Map<String, String> env = new LinkedHashMap<>();
        minio.get().getSpec().getTemplate().getSpec().getContainers().forEach(c -> nullSafe(c.getEnv())
                .forEach(e -> env.put(e.getName(), e.getValue())));
        String topic = env.get("MINIO_NOTIFY_KAFKA_TOPIC_PRIMARY");
        boolean declared = manifests.custom("kafka.strimzi.io", "KafkaTopic").stream()
                .anyMatch(t -> Objects.equals(topic, Tree.string(Tree.at(t, "spec", "topicName")).orElse(t.getMetadata().getName())));
        if (!declared) {
            violation("minio", "MinIO publishes bucket notifications to topic " + topic + ", which has no KafkaTopic");
        }
        String brokers = env.getOrDefault("MINIO_NOTIFY_KAFKA_BROKERS_PRIMARY", "");
        if (!brokers.startsWith(kafka.name() + "-kafka-bootstrap:")) {
            violation("minio", "MinIO publishes notifications to " + brokers + ", not Kafka " + kafka.name());
        }
    }

    // ---- pod security and resources --------------------------------------------------------------------------

    private void podSecurity(Workload workload) {
        String owner = Manifests.id(workload.source());
        PodSpec pod = workload.pod();
        PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
            violation("security", owner + " shares a host namespace (network, PID or IPC)");
        }
        if (nullSafe(pod.getVolumes()).stream().anyMatch(v -> v.getHostPath() != null)) {
            violation("security", owner + " mounts a hostPath volume");
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            violation("security", owner + " mounts a service account token it does not need (automountServiceAccountToken: false)");
        }
        for (Container container : Stream.concat(pod.getContainers().stream(), nullSafe(pod.getInitContainers()).stream()).toList()) {
            String where = owner + " container " + container.getName();
            SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElse(new SecurityContext());
            boolean nonRoot = Boolean.TRUE.equals(context.getRunAsNonRoot())
                    || (context.getRunAsNonRoot() == null && Boolean.TRUE.equals(podContext.getRunAsNonRoot()));
            Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
            if (!nonRoot || Long.valueOf(0).equals(user)) {
                violation("security", where + " may run as root (runAsNonRoot: true and a non-zero runAsUser are required)");
            }
            if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                violation("security", where + " allows privilege escalation (allowPrivilegeEscalation: false is required)");
            }
            if (Boolean.TRUE.equals(context.getPrivileged())) {
                violation("security", where + " is privileged");
            }
            if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                violation("security", where + " has a writable root file system (readOnlyRootFilesystem: true is required)");
            }
            List<String> dropped = context.getCapabilities() == null || context.getCapabilities().getDrop() == null
                    ? List.of() : context.getCapabilities().getDrop();
            if (!dropped.contains("ALL")) {
                violation("security", where + " keeps Linux capabilities (capabilities.drop: [ALL] is required)");
            }
            if (context.getCapabilities() != null && context.getCapabilities().getAdd() != null && !context.getCapabilities().getAdd().isEmpty()) {
                violation("security", where + " adds capabilities " + context.getCapabilities().getAdd());
            }
            String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                    : podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
            if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                violation("security", where + " has no seccomp profile (seccompProfile.type: RuntimeDefault is required)");
            }
            resources(where, container);
        }
    }

    private void resources(String where, Container container) {
        var resources = container.getResources();
        Map<String, Quantity> requests = resources == null || resources.getRequests() == null ? Map.of() : resources.getRequests();
        Map<String, Quantity> limits = resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
        if (!requests.containsKey("cpu") || !requests.containsKey("memory") || !limits.containsKey("memory")) {
            violation("resources", where + " must request cpu and memory and limit memory; has requests " + requests.keySet()
                    + ", limits " + limits.keySet());
            return;
        }
        if (requests.get("memory").getNumericalAmount().compareTo(limits.get("memory").getNumericalAmount()) > 0) {
            violation("resources", where + " requests more memory than its limit");
        }
    }

    // ---- images ----------------------------------------------------------------------------------------------

    private void images() {
        for (Workload workload : workloads) {
            if (!workload.ours()) {
                continue;
            }
            Stream.concat(workload.pod().getContainers().stream(), nullSafe(workload.pod().getInitContainers()).stream())
                    .forEach(c -> pinned(Manifests.id(workload.source()) + " container " + c.getName(), c.getImage()));
        }
    }

    private void pinned(String where, String image) {
        if (image == null || image.isBlank()) {
            violation("images", where + " has no image");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon < slash || colon < 0) {
            violation("images", where + " uses image " + image + " without a tag (that is :latest)");
            return;
        }
        String tag = image.substring(colon + 1).toLowerCase();
        if (Design.MOVING_TAGS.contains(tag) || tag.contains("snapshot")) {
            violation("images", where + " uses image " + image + ", whose tag moves");
        }
    }

    // ---- selectors -------------------------------------------------------------------------------------------

    private void selectors() {
        for (Deployment deployment : manifests.all(Deployment.class)) {
            if (!Selectors.matches(deployment.getSpec().getSelector(), deployment.getSpec().getTemplate().getMetadata().getLabels())) {
                violation("selectors", Manifests.id(deployment) + "'s selector does not match its pod template's labels");
            }
        }
        for (Service service : manifests.all(Service.class)) {
            long selected = workloads.stream().filter(w -> Selectors.matches(service.getSpec().getSelector(), w.labels())).count();
            if (selected != 1) {
                violation("selectors", Manifests.id(service) + " selects the pods of " + selected + " workloads, expected one");
            }
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A label selector that arrives as a map tree inside a custom resource. */
    private record LabelSelectorHolder(io.fabric8.kubernetes.api.model.LabelSelector selector) {
        static LabelSelectorHolder of(Object tree) {
            return new LabelSelectorHolder(tree == null ? null : Manifests.convert(tree, io.fabric8.kubernetes.api.model.LabelSelector.class));
        }

        boolean matches(Map<String, String> labels) {
            return Selectors.matches(selector, labels);
        }
    }
}
