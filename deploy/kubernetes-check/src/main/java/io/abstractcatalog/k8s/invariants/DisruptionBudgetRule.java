package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Selectors;
import io.abstractcatalog.k8s.Violation;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each service is covered by exactly one PodDisruptionBudget, and that budget lets a node drain evict a pod. */
final class DisruptionBudgetRule implements Rule {

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        for (ServiceContext service : catalog.services().values()) {
            disruptionBudget(catalog.manifests(), service, out);
        }
        return out;
    }

    private static void disruptionBudget(Manifests manifests, ServiceContext service, List<Violation> out) {
        Map<String, String> labels = service.deployment().getSpec().getTemplate().getMetadata().getLabels();
        List<PodDisruptionBudget> budgets = manifests.all(PodDisruptionBudget.class).stream()
                .filter(b -> Selectors.matches(b.getSpec().getSelector(), labels)).toList();
        if (budgets.size() != 1) {
            out.add(new Violation("pdb", "Deployment/" + service.name() + " must be covered by exactly one PodDisruptionBudget, found "
                    + budgets.size()));
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
            out.add(new Violation("pdb", Manifests.id(budget) + " never allows evicting a pod of " + service.name() + " (" + replicas
                    + " replicas): node drains would hang"));
        }
    }
}
