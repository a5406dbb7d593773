package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.ServiceConfig;
import io.abstractcatalog.k8s.Tree;
import io.abstractcatalog.k8s.Violation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * catalog-service connects to the read-write service of a CloudNativePG Cluster, uses the database that Cluster
 * creates and its {@code -app} Secret, and migrates its schema at start. Its read datasource ({@code reads}) is a
 * service of the same Cluster ({@code -ro} needs replicas: more than one instance), with the same database and user.
 */
final class PostgresRule implements Rule {

    private static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)");

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        ServiceContext service = catalog.services().get("catalog-service");
        if (service == null) {
            return out;
        }
        String url = jdbcUrl(service);
        Matcher jdbc = JDBC.matcher(url);
        List<GenericKubernetesResource> clusters = clusters(catalog);
        if (!jdbc.find()) {
            out.add(new Violation("postgres", "catalog-service's JDBC URL " + url + " is not a PostgreSQL URL"));
            return out;
        }
        Optional<GenericKubernetesResource> cluster = serving(clusters, jdbc.group(1));
        if (cluster.isEmpty()) {
            out.add(new Violation("postgres", "catalog-service connects to " + jdbc.group(1) + ", which is not the read-write service "
                    + "(<cluster>-rw) of a CloudNativePG Cluster " + clusters.stream().map(c -> c.getMetadata().getName()).toList()));
            return out;
        }
        String name = cluster.get().getMetadata().getName();
        String database = Tree.string(Tree.at(cluster.get(), "spec", "bootstrap", "initdb", "database")).orElse("app");
        if (!database.equals(jdbc.group(3))) {
            out.add(new Violation("postgres", "catalog-service uses database " + jdbc.group(3) + ", Cluster " + name + " creates " + database));
        }
        for (String key : List.of("quarkus.datasource.username", "quarkus.datasource.password")) {
            String origin = service.origins().getOrDefault(ServiceConfig.envName(key), "the file's default");
            if (!origin.equals("Secret/" + name + "-app")) {
                out.add(new Violation("postgres", "catalog-service must read " + key + " from Secret " + name
                        + "-app (CloudNativePG's app user), not " + origin));
            }
        }
        checkReads(service, cluster.get(), database, out);
        if (!"true".equals(service.config().resolve("quarkus.flyway.migrate-at-start", service.env()).orElse("false"))) {
            out.add(new Violation("postgres", "catalog-service must migrate its schema at start (quarkus.flyway.migrate-at-start=true)"));
        }
        return out;
    }

    private static void checkReads(ServiceContext service, GenericKubernetesResource cluster, String database, List<Violation> out) {
        String name = cluster.getMetadata().getName();
        String url = service.config().resolve("quarkus.datasource.reads.jdbc.url", service.env()).orElse("");
        Matcher jdbc = JDBC.matcher(url);
        if (!jdbc.find()) {
            out.add(new Violation("postgres", "catalog-service's read JDBC URL " + url + " is not a PostgreSQL URL"));
            return;
        }
        String host = jdbc.group(1).split("\\.")[0];
        int instances = Tree.integer(Tree.at(cluster, "spec", "instances")).orElse(1);
        if (!List.of(name + "-rw", name + "-ro", name + "-r").contains(host)) {
            out.add(new Violation("postgres", "catalog-service reads from " + host + ", which is not a service of Cluster " + name
                    + " (" + name + "-ro for its replicas, " + name + "-r for any instance)"));
        } else if (host.equals(name + "-ro") && instances < 2) {
            out.add(new Violation("postgres", "catalog-service reads from " + host + ", but Cluster " + name + " has " + instances
                    + " instance and so no replica behind it: use " + name + "-r"));
        }
        if (!database.equals(jdbc.group(3))) {
            out.add(new Violation("postgres", "catalog-service reads database " + jdbc.group(3) + ", Cluster " + name + " creates " + database));
        }
        for (String key : List.of("username", "password")) {
            String reads = service.config().resolve("quarkus.datasource.reads." + key, service.env()).orElse("");
            String writes = service.config().resolve("quarkus.datasource." + key, service.env()).orElse("");
            if (!reads.equals(writes)) {
                out.add(new Violation("postgres", "catalog-service reads with another " + key + " than it writes with: "
                        + "quarkus.datasource.reads." + key + " must be CloudNativePG's app user too"));
            }
        }
    }

    /** The CloudNativePG Cluster whose read-write service catalog-service's JDBC URL names, if there is one. */
    static Optional<GenericKubernetesResource> catalogDatabase(RenderedCatalog catalog) {
        ServiceContext service = catalog.services().get("catalog-service");
        if (service == null) {
            return Optional.empty();
        }
        Matcher jdbc = JDBC.matcher(jdbcUrl(service));
        return jdbc.find() ? serving(clusters(catalog), jdbc.group(1)) : Optional.empty();
    }

    private static String jdbcUrl(ServiceContext service) {
        return service.config().resolve("quarkus.datasource.jdbc.url", service.env()).orElse("");
    }

    private static List<GenericKubernetesResource> clusters(RenderedCatalog catalog) {
        return catalog.manifests().custom("postgresql.cnpg.io", "Cluster");
    }

    /** The Cluster whose read-write service ({@code <cluster>-rw}, maybe with a domain) is {@code host}. */
    private static Optional<GenericKubernetesResource> serving(List<GenericKubernetesResource> clusters, String host) {
        String service = host.split("\\.")[0];
        return clusters.stream().filter(c -> service.equals(c.getMetadata().getName() + "-rw")).findFirst();
    }
}
