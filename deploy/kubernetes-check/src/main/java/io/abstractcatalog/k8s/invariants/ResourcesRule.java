package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Violation;
import io.abstractcatalog.k8s.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every container of our pods requests cpu and memory and limits memory, to no less than it requests. */
final class ResourcesRule implements Rule {

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        for (Workload workload : catalog.workloads()) {
            for (Container container : workload.containers()) {
                resources(Manifests.id(workload.source()) + " container " + container.getName(), container, out);
            }
        }
        return out;
    }

    private static void resources(String where, Container container, List<Violation> out) {
        ResourceRequirements resources = container.getResources();
        Map<String, Quantity> requests = resources == null || resources.getRequests() == null ? Map.of() : resources.getRequests();
        Map<String, Quantity> limits = resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
        if (!requests.containsKey("cpu") || !requests.containsKey("memory") || !limits.containsKey("memory")) {
            out.add(new Violation("resources", where + " must request cpu and memory and limit memory; has requests " + requests.keySet()
                    + ", limits " + limits.keySet()));
            return;
        }
        if (requests.get("memory").getNumericalAmount().compareTo(limits.get("memory").getNumericalAmount()) > 0) {
            out.add(new Violation("resources", where + " requests more memory than its limit"));
        }
    }
}
