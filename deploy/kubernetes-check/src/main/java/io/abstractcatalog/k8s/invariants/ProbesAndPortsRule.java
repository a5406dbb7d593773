package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Selectors;
import io.abstractcatalog.k8s.Tree;
import io.abstractcatalog.k8s.Violation;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Each service's container port, startup, liveness and readiness probes, Service, Prometheus annotations and
 * ServiceMonitor endpoints agree with the HTTP port, health paths and metrics path of its configuration.
 */
final class ProbesAndPortsRule implements Rule {

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        for (ServiceContext service : catalog.services().values()) {
            probesAndPorts(catalog, service, out);
        }
        return out;
    }

    private static void probesAndPorts(RenderedCatalog catalog, ServiceContext service, List<Violation> out) {
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
            out.add(new Violation("ports", owner + " declares container port http=" + named.get("http") + ", but " + service.name()
                    + " listens on " + port + " (quarkus.http.port)"));
        }
        checkProbe(owner, "startup", container.getStartupProbe(), service.config().healthPath("started", env), port, named, out);
        checkProbe(owner, "liveness", container.getLivenessProbe(), service.config().healthPath("live", env), port, named, out);
        checkProbe(owner, "readiness", container.getReadinessProbe(), service.config().healthPath("ready", env), port, named, out);

        Optional<Service> svc = catalog.manifests().named(Service.class, service.name());
        if (svc.isEmpty()) {
            out.add(new Violation("ports", "no Service " + service.name()));
        } else {
            boolean routes = nullSafe(svc.get().getSpec().getPorts()).stream()
                    .anyMatch(p -> Objects.equals(resolve(p.getTargetPort() == null ? new IntOrString(p.getPort()) : p.getTargetPort(), named), port));
            if (!routes) {
                out.add(new Violation("ports", "Service/" + service.name() + " has no port that reaches the container's port " + port));
            }
        }
        Map<String, String> annotations = Optional.ofNullable(service.deployment().getSpec().getTemplate().getMetadata().getAnnotations())
                .orElse(Map.of());
        String metrics = service.config().metricsPath(env);
        if (!"true".equals(annotations.get("prometheus.io/scrape")) || !String.valueOf(port).equals(annotations.get("prometheus.io/port"))
                || !metrics.equals(annotations.get("prometheus.io/path"))) {
            out.add(new Violation("metrics", owner + " pod annotations must say prometheus.io/scrape=true, prometheus.io/port=" + port
                    + ", prometheus.io/path=" + metrics + "; found " + annotations));
        }
        for (GenericKubernetesResource monitor : catalog.manifests().custom("monitoring.coreos.com", "ServiceMonitor")) {
            Object selector = Tree.at(monitor, "spec", "selector");
            LabelSelector typed = selector == null ? null : Manifests.convert(selector, LabelSelector.class);
            if (svc.isPresent() && Selectors.matches(typed, svc.get().getMetadata().getLabels())) {
                for (Object endpoint : Tree.list(Tree.at(monitor, "spec", "endpoints"))) {
                    String portName = Tree.string(Tree.at(endpoint, "port")).orElse("");
                    boolean exists = nullSafe(svc.get().getSpec().getPorts()).stream().map(ServicePort::getName).anyMatch(portName::equals);
                    if (!exists) {
                        out.add(new Violation("metrics", Manifests.id(monitor) + " scrapes port '" + portName + "', which Service/"
                                + service.name() + " lacks"));
                    }
                    if (!metrics.equals(Tree.string(Tree.at(endpoint, "path")).orElse("/metrics"))) {
                        out.add(new Violation("metrics", Manifests.id(monitor) + " scrapes " + Tree.at(endpoint, "path") + ", but "
                                + service.name() + " serves metrics at " + metrics));
                    }
                }
            }
        }
    }

    private static void checkProbe(String owner, String kind, Probe probe, String path, int port, Map<String, Integer> named,
                                   List<Violation> out) {
        if (probe == null || probe.getHttpGet() == null) {
            out.add(new Violation("probes", owner + " has no HTTP " + kind + " probe (expected GET " + path + " on port " + port + ")"));
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            out.add(new Violation("probes", owner + " " + kind + " probe GETs " + probe.getHttpGet().getPath() + ", but the service serves "
                    + path));
        }
        Integer probed = resolve(probe.getHttpGet().getPort(), named);
        if (!Objects.equals(probed, port)) {
            out.add(new Violation("probes", owner + " " + kind + " probe uses port " + probe.getHttpGet().getPort().getValue() + " ("
                    + probed + "), but the service listens on " + port));
        }
    }

    private static Integer resolve(IntOrString port, Map<String, Integer> named) {
        if (port == null) {
            return null;
        }
        return port.getIntVal() != null ? port.getIntVal() : named.get(port.getStrVal());
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
