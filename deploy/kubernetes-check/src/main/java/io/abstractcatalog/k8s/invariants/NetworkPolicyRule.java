package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Every workload is isolated, and the NetworkPolicies (with Strimzi's listener peers) allow exactly the network flows
 * of the design, in both directions ({@link NetworkFlows}).
 */
final class NetworkPolicyRule implements Rule {

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        new NetworkFlows(catalog.manifests(), catalog.workloads(), out)
                .check(NetworkFlows.designed(catalog.manifests(), catalog.workloads(), catalog.services()));
        return out;
    }
}
