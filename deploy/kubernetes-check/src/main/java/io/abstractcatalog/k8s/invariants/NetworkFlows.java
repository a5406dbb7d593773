package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Design;
import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Selectors;
import io.abstractcatalog.k8s.Tree;
import io.abstractcatalog.k8s.Violation;
import io.abstractcatalog.k8s.Workload;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The network flows the NetworkPolicies (and Strimzi's listener peers) allow, compared with the flows of the design.
 * A flow is {@code from -> to:port/protocol}; ends are workloads of the namespace ({@link Workload#name()}) or
 * places outside it ({@code ns:monitoring}, {@code ns:kube-system/k8s-app=kube-dns}, {@code cidr:0.0.0.0/0}).
 * Both ends are checked: the egress rules of an isolated source and the ingress rules of an isolated target must
 * each allow exactly the designed flows, no more, no fewer.
 */
final class NetworkFlows {

    record Flow(String from, String to, String port) {
        @Override
        public String toString() {
            return from + " -> " + to + ":" + port;
        }
    }

    private final Manifests manifests;
    private final List<Workload> workloads;
    private final List<Violation> out;
    /** Flow → the policies that allow it, per direction. */
    private final Map<Flow, Set<String>> ingress = new TreeMap<>(NetworkFlows::compare);
    private final Map<Flow, Set<String>> egress = new TreeMap<>(NetworkFlows::compare);
    private final Set<String> ingressIsolated = new LinkedHashSet<>();
    private final Set<String> egressIsolated = new LinkedHashSet<>();

    NetworkFlows(Manifests manifests, List<Workload> workloads, List<Violation> out) {
        this.manifests = manifests;
        this.workloads = workloads;
        this.out = out;
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            declare(policy);
        }
        for (GenericKubernetesResource kafka : manifests.custom("kafka.strimzi.io", "Kafka")) {
            declareStrimzi(kafka);
        }
    }

    private static int compare(Flow a, Flow b) {
        return a.toString().compareTo(b.toString());
    }

    Set<Flow> ingressFlows() {
        return ingress.keySet();
    }

    Set<Flow> egressFlows() {
        return egress.keySet();
    }

    /** Compares with the designed flows; every workload must be isolated (ours both ways, the operators' inbound). */
    void check(Set<Flow> designed) {
        for (Workload w : workloads) {
            if (!ingressIsolated.contains(w.name())) {
                out.add(new Violation("network", w.name() + " accepts connections from anywhere: no NetworkPolicy (or Strimzi "
                        + "listener peers) restricts its ingress"));
            }
            if (w.ours() && !egressIsolated.contains(w.name())) {
                out.add(new Violation("network", w.name() + " may connect anywhere: no NetworkPolicy restricts its egress"));
            }
        }
        compare("ingress", ingress, designed.stream().filter(f -> ingressIsolated.contains(f.to())).toList());
        compare("egress", egress, designed.stream().filter(f -> egressIsolated.contains(f.from())).toList());
    }

    private void compare(String direction, Map<Flow, Set<String>> declared, List<Flow> expected) {
        for (Flow flow : expected) {
            if (!declared.containsKey(flow)) {
                out.add(new Violation("network", "designed flow " + flow + " is not allowed by the " + direction + " rules of "
                        + (direction.equals("ingress") ? flow.to() : flow.from())));
            }
        }
        for (var entry : declared.entrySet()) {
            if (!expected.contains(entry.getKey())) {
                out.add(new Violation("network", String.join(", ", entry.getValue()) + " allows " + direction + " " + entry.getKey()
                        + ", which is not a flow of the design"));
            }
        }
    }

    private void declare(NetworkPolicy policy) {
        String id = Manifests.id(policy);
        List<Workload> selected = workloads.stream()
                .filter(w -> Selectors.matches(policy.getSpec().getPodSelector(), w.labels())).toList();
        if (selected.isEmpty()) {
            out.add(new Violation("network", id + " selects no pods"));
            return;
        }
        List<String> types = policy.getSpec().getPolicyTypes();
        boolean hasEgress = policy.getSpec().getEgress() != null && !policy.getSpec().getEgress().isEmpty();
        if (types == null || types.isEmpty()) {
            types = hasEgress ? List.of("Ingress", "Egress") : List.of("Ingress");
        }
        for (Workload target : selected) {
            if (types.contains("Ingress")) {
                ingressIsolated.add(target.name());
                for (NetworkPolicyIngressRule rule : nullSafe(policy.getSpec().getIngress())) {
                    for (Endpoint peer : peers(rule.getFrom(), id)) {
                        for (String port : ports(rule.getPorts(), Optional.of(target))) {
                            ingress.computeIfAbsent(new Flow(peer.name(), target.name(), port), f -> new LinkedHashSet<>()).add(id);
                        }
                    }
                }
            }
            if (types.contains("Egress")) {
                egressIsolated.add(target.name());
                for (NetworkPolicyEgressRule rule : nullSafe(policy.getSpec().getEgress())) {
                    for (Endpoint peer : peers(rule.getTo(), id)) {
                        for (String port : ports(rule.getPorts(), peer.workload())) {
                            egress.computeIfAbsent(new Flow(target.name(), peer.name(), port), f -> new LinkedHashSet<>()).add(id);
                        }
                    }
                }
            }
        }
    }

    /** Strimzi generates the Kafka pods' NetworkPolicy from each listener's networkPolicyPeers (none = open). */
    private void declareStrimzi(GenericKubernetesResource kafka) {
        String id = Manifests.id(kafka);
        boolean allRestricted = true;
        for (Object listener : Tree.list(Tree.at(kafka, "spec", "kafka", "listeners"))) {
            String port = Tree.integer(Tree.at(listener, "port")).map(p -> p + "/TCP").orElse("*");
            Object peers = Tree.at(listener, "networkPolicyPeers");
            if (peers == null) {
                allRestricted = false;
                continue;
            }
            List<NetworkPolicyPeer> typed = Tree.list(peers).stream().map(p -> Manifests.convert(p, NetworkPolicyPeer.class)).toList();
            for (Endpoint peer : peers(typed, id)) {
                ingress.computeIfAbsent(new Flow(peer.name(), "kafka", port), f -> new LinkedHashSet<>()).add(id + " (listener peers)");
            }
        }
        if (allRestricted) {
            ingressIsolated.add("kafka");
        }
        // The entity operator's own pods: Strimzi generates their policies (operator access only).
        ingressIsolated.add("kafka-entity-operator");
    }

    private record Endpoint(String name, Optional<Workload> workload) {
    }

    private List<Endpoint> peers(List<NetworkPolicyPeer> peers, String policy) {
        if (peers == null || peers.isEmpty()) {
            return List.of(new Endpoint("any", Optional.empty()));
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                List<String> except = peer.getIpBlock().getExcept();
                endpoints.add(new Endpoint("cidr:" + peer.getIpBlock().getCidr()
                        + (except == null || except.isEmpty() ? "" : " except " + except), Optional.empty()));
                continue;
            }
            LabelSelector namespaces = peer.getNamespaceSelector();
            String namespace = namespaces == null ? Design.NAMESPACE : namespaceName(namespaces);
            if (!Design.NAMESPACE.equals(namespace)) {
                String pods = Selectors.describe(peer.getPodSelector());
                endpoints.add(new Endpoint("ns:" + namespace + (pods.isEmpty() ? "" : "/" + pods), Optional.empty()));
                continue;
            }
            List<Workload> matched = workloads.stream()
                    .filter(w -> peer.getPodSelector() == null || Selectors.matches(peer.getPodSelector(), w.labels())).toList();
            if (matched.isEmpty()) {
                out.add(new Violation("network", policy + " names peer pods " + Selectors.describe(peer.getPodSelector())
                        + " that no workload has"));
            }
            matched.forEach(w -> endpoints.add(new Endpoint(w.name(), Optional.of(w))));
        }
        return endpoints;
    }

    private static String namespaceName(LabelSelector selector) {
        if (Selectors.isEmpty(selector)) {
            return "*";
        }
        Map<String, String> labels = selector.getMatchLabels();
        if (labels != null && labels.size() == 1 && labels.containsKey("kubernetes.io/metadata.name")
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty())) {
            return labels.get("kubernetes.io/metadata.name");
        }
        return "{" + Selectors.describe(selector) + "}";
    }

    private static List<String> ports(List<NetworkPolicyPort> ports, Optional<Workload> owner) {
        if (ports == null || ports.isEmpty()) {
            return List.of("*");
        }
        List<String> result = new ArrayList<>();
        for (NetworkPolicyPort port : ports) {
            String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
            IntOrString value = port.getPort();
            String number;
            if (value == null) {
                number = "*";
            } else if (value.getIntVal() != null) {
                number = value.getIntVal() + (port.getEndPort() != null ? "-" + port.getEndPort() : "");
            } else {
                number = owner.flatMap(w -> w.port(value.getStrVal())).map(String::valueOf).orElse(value.getStrVal());
            }
            result.add(number + "/" + protocol);
        }
        return result;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The flows of the design (README, "Network flows"), for what this rendering contains. */
    static Set<Flow> designed(Manifests manifests, List<Workload> workloads, Map<String, ServiceContext> services) {
        Set<Flow> flows = new LinkedHashSet<>();
        boolean hasMinio = workloads.stream().anyMatch(w -> w.name().equals("minio"));
        boolean hasMinioSetup = workloads.stream().anyMatch(w -> w.name().equals("minio-setup"));
        String kafkaPort = services.values().stream().findFirst()
                .map(s -> port(s.config().resolve("kafka.bootstrap.servers", s.env()).orElse(""), 9092)).orElse("9092") + "/TCP";
        for (ServiceContext service : services.values()) {
            String name = service.name();
            flows.add(new Flow(name, "kafka", kafkaPort));
            dns(flows, name);
            flows.add(new Flow(Design.MONITORING, name, service.config().httpPort(service.env()) + "/TCP"));
        }
        flows.add(new Flow(Design.KEDA_OPERATOR, "kafka", kafkaPort));
        ServiceContext catalog = services.get("catalog-service");
        if (catalog != null) {
            flows.add(new Flow(Design.INGRESS_CONTROLLER, catalog.name(), catalog.config().httpPort(catalog.env()) + "/TCP"));
            String jdbc = catalog.config().resolve("quarkus.datasource.jdbc.url", catalog.env()).orElse("");
            for (GenericKubernetesResource cluster : manifests.custom("postgresql.cnpg.io", "Cluster")) {
                flows.add(new Flow(catalog.name(), cluster.getMetadata().getName(), port(jdbc.replaceFirst("^jdbc:", ""), 5432) + "/TCP"));
            }
        }
        for (GenericKubernetesResource cluster : manifests.custom("postgresql.cnpg.io", "Cluster")) {
            String name = cluster.getMetadata().getName();
            flows.add(new Flow(name, name, "5432/TCP"));
            flows.add(new Flow(Design.CNPG_OPERATOR, name, "8000/TCP"));
            flows.add(new Flow(Design.MONITORING, name, "9187/TCP"));
        }
        if (hasMinio) {
            flows.add(new Flow("minio", "kafka", kafkaPort));
            dns(flows, "minio");
            if (services.containsKey("ingest-service")) {
                flows.add(new Flow("ingest-service", "minio", "9000/TCP"));
            }
            if (hasMinioSetup) {
                flows.add(new Flow("minio-setup", "minio", "9000/TCP"));
                dns(flows, "minio-setup");
            }
        }
        ServiceContext ingest = services.get("ingest-service");
        if (ingest != null) {
            String endpoint = ingest.env().getOrDefault("INGEST_S3_ENDPOINT", "");
            boolean s3 = "s3".equals(ingest.env().get("INGEST_BUCKET_TYPE"));
            // No endpoint means AWS S3 itself: outside the cluster, on 443.
            if (s3 && (endpoint.isEmpty() || endpoint.startsWith("https://") && !inCluster(endpoint))) {
                flows.add(new Flow("ingest-service", Design.ANYWHERE, "443/TCP"));
            }
        }
        return flows;
    }

    private static void dns(Set<Flow> flows, String from) {
        flows.add(new Flow(from, Design.DNS, "53/UDP"));
        flows.add(new Flow(from, Design.DNS, "53/TCP"));
    }

    private static boolean inCluster(String url) {
        String host = URI.create(url).getHost();
        return host != null && (!host.contains(".") || host.endsWith(".svc") || host.endsWith(".cluster.local"));
    }

    /** The port of {@code host:port} or of a URL, or the default. */
    static String port(String address, int fallback) {
        String first = address.split(",")[0].trim();
        if (first.contains("://")) {
            int port = URI.create(first).getPort();
            return String.valueOf(port > 0 ? port : fallback);
        }
        int colon = first.lastIndexOf(':');
        return colon >= 0 ? first.substring(colon + 1) : String.valueOf(fallback);
    }
}
