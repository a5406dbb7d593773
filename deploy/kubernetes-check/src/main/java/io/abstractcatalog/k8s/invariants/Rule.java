package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Violation;
import java.util.List;

/**
 * One family of invariants of the rendered manifests, such as the topics or the pods' security settings.
 * {@link ManifestChecker} runs every rule on the same {@link RenderedCatalog}.
 */
interface Rule {

    /** Every violation of this family; an empty list when the manifests hold it. */
    List<Violation> check(RenderedCatalog catalog);
}
