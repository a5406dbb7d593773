package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Workload;
import java.util.List;
import java.util.Map;

/**
 * The catalog as the rendered manifests deploy it, read once for all rules: the manifests, the sources they are
 * checked against, every workload, what each service's Deployment gives it, and the Kafka cluster.
 */
record RenderedCatalog(Manifests manifests, ManifestChecker.Sources sources, List<Workload> workloads,
                       ServiceEnvironments environments, KafkaCluster kafka) {

    static RenderedCatalog read(Manifests manifests, ManifestChecker.Sources sources) {
        return new RenderedCatalog(manifests, sources, Workload.inventory(manifests),
                ServiceEnvironments.read(manifests, sources), KafkaCluster.read(manifests));
    }

    /** The services that have their Deployment and container, by name, in the order of the sources. */
    Map<String, ServiceContext> services() {
        return environments.services();
    }
}
