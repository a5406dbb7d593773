package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Design;
import io.abstractcatalog.k8s.Manifests;
import io.abstractcatalog.k8s.Tree;
import io.abstractcatalog.k8s.Violation;
import io.abstractcatalog.k8s.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every image is pinned (a version tag or a digest, never a moving tag): our containers', Kafka's (Strimzi picks it
 * by spec.kafka.version unless spec.kafka.image says it) and the PostgreSQL image of catalog-service's Cluster.
 */
final class ImagesRule implements Rule {

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        KafkaCluster kafka = catalog.kafka();
        if (kafka.present()) {
            if (Tree.at(kafka.resource(), "spec", "kafka", "version") == null) {
                out.add(new Violation("images", "Kafka " + kafka.name() + " does not pin spec.kafka.version (Strimzi picks the image by version)"));
            }
            Tree.string(Tree.at(kafka.resource(), "spec", "kafka", "image")).ifPresent(image -> pinned("Kafka/" + kafka.name(), image, out));
        }
        Optional<GenericKubernetesResource> database = PostgresRule.catalogDatabase(catalog);
        if (database.isPresent()) {
            String name = database.get().getMetadata().getName();
            Object image = Tree.at(database.get(), "spec", "imageName");
            if (image == null) {
                out.add(new Violation("images", "Cluster " + name + " does not pin spec.imageName (the PostgreSQL image follows the operator "
                        + "otherwise)"));
            } else {
                pinned("Cluster/" + name, String.valueOf(image), out);
            }
        }
        for (Workload workload : catalog.workloads()) {
            for (Container container : workload.containers()) {
                pinned(Manifests.id(workload.source()) + " container " + container.getName(), container.getImage(), out);
            }
        }
        return out;
    }

    private static void pinned(String where, String image, List<Violation> out) {
        if (image == null || image.isBlank()) {
            out.add(new Violation("images", where + " has no image"));
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon < slash || colon < 0) {
            out.add(new Violation("images", where + " uses image " + image + " without a tag (that is :latest)"));
            return;
        }
        String tag = image.substring(colon + 1).toLowerCase();
        if (Design.MOVING_TAGS.contains(tag) || tag.contains("snapshot")) {
            out.add(new Violation("images", where + " uses image " + image + ", whose tag moves"));
        }
    }
}
