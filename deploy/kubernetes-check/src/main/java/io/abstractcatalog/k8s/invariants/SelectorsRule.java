package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Selectors;
import io.abstractcatalog.k8s.Violation;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;

/** Each Deployment's selector matches its own pod template, and each Service selects the pods of exactly one workload. */
final class SelectorsRule implements Rule {

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        for (Deployment deployment : catalog.manifests().all(Deployment.class)) {
            if (!Selectors.matches(deployment.getSpec().getSelector(), deployment.getSpec().getTemplate().getMetadata().getLabels())) {
                out.add(new Violation("selectors", Manifests.id(deployment) + "'s selector does not match its pod template's labels"));
            }
        }
        for (Service service : catalog.manifests().all(Service.class)) {
            long selected = catalog.workloads().stream().filter(w -> Selectors.matches(service.getSpec().getSelector(), w.labels())).count();
            if (selected != 1) {
                out.add(new Violation("selectors", Manifests.id(service) + " selects the pods of " + selected + " workloads, expected one"));
            }
        }
        return out;
    }
}
