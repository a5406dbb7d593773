package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.contract.Topic;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.ProjectLayout;
import io.abstractcatalog.k8s.ServiceConfig;
import io.abstractcatalog.k8s.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks rendered manifests against the services' real configuration and the design, one {@link Rule} per family
 * of invariants. Expectations come from the sources wherever they say it: topic names and kinds from {@link Topics},
 * ports, health paths, consumer groups, machine-local defaults and credentials from each service's
 * {@code application.properties}. {@link #check} returns every violation found, grouped by rule in the order of
 * {@link #RULES} (an empty list means the manifests are consistent).
 */
public final class ManifestChecker {

    /** What the manifests are checked against; tests change one piece to prove a check bites. */
    public record Sources(Map<String, ServiceConfig> configs, List<Topic<?>> topics) {

        public static Sources of(ProjectLayout layout) {
            Map<String, ServiceConfig> configs = new LinkedHashMap<>();
            for (String service : ProjectLayout.SERVICES) {
                configs.put(service, ServiceConfig.load(service, layout.applicationProperties(service)));
            }
            return new Sources(configs, Topics.ALL);
        }

        public Sources withConfig(ServiceConfig config) {
            Map<String, ServiceConfig> changed = new LinkedHashMap<>(configs);
            changed.put(config.service(), config);
            return new Sources(changed, topics);
        }

        public Sources withTopics(List<Topic<?>> changed) {
            return new Sources(configs, changed);
        }
    }

    static final List<Rule> RULES = List.of(
            new NamespaceRule(),
            new ServiceEnvironmentRule(),
            new KafkaClusterRule(),
            new KafkaConnectionRule(),
            new TopicsRule(),
            new ProbesAndPortsRule(),
            new VolumesRule(),
            new ScalingRule(),
            new DisruptionBudgetRule(),
            new PostgresRule(),
            new MinioRule(),
            new PodSecurityRule(),
            new ResourcesRule(),
            new ImagesRule(),
            new SelectorsRule(),
            new NetworkPolicyRule());

    private ManifestChecker() {
    }

    public static List<Violation> check(Manifests manifests, Sources sources) {
        RenderedCatalog catalog = RenderedCatalog.read(manifests, sources);
        List<Violation> violations = new ArrayList<>();
        for (Rule rule : RULES) {
            violations.addAll(rule.check(catalog));
        }
        return List.copyOf(violations);
    }
}
