package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Design;
import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Violation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.ArrayList;
import java.util.List;

/** Everything is installed into the one Namespace of the design, which the manifests create. */
final class NamespaceRule implements Rule {

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        Manifests manifests = catalog.manifests();
        List<Namespace> namespaces = manifests.all(Namespace.class);
        if (namespaces.size() != 1 || !Design.NAMESPACE.equals(namespaces.get(0).getMetadata().getName())) {
            out.add(new Violation("namespace", "expected exactly the Namespace " + Design.NAMESPACE + ", found "
                    + namespaces.stream().map(n -> n.getMetadata().getName()).toList()));
        }
        for (HasMetadata resource : manifests.all()) {
            if (!(resource instanceof Namespace) && !Design.NAMESPACE.equals(resource.getMetadata().getNamespace())) {
                out.add(new Violation("namespace", Manifests.id(resource) + " is in namespace " + resource.getMetadata().getNamespace()
                        + ", not " + Design.NAMESPACE + " (set namespace: in the kustomization that adds it)"));
            }
        }
        return out;
    }
}
