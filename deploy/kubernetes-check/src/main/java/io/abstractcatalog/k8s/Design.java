package io.abstractcatalog.k8s;

import io.abstractcatalog.contract.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The design facts the manifests are checked against that cannot be read from a manifest or a properties file:
 * which topic each service consumes, which cluster namespaces may talk to us, and the documented exceptions.
 * The README (deploy/kubernetes/README.md) describes the same design for people.
 */
public final class Design {

    private Design() {
    }

    /** The namespace everything is installed into. */
    public static final String NAMESPACE = "abstract-catalog";
    /** Prometheus runs here (kube-prometheus-stack's default); it scrapes every service and PostgreSQL. */
    public static final String MONITORING = "ns:monitoring";
    /** The ingress controller's namespace; it forwards the public REST API and search page to catalog-service. */
    public static final String INGRESS_CONTROLLER = "ns:ingress-nginx";
    /** KEDA's operator reads consumer lag from Kafka. */
    public static final String KEDA_OPERATOR = "ns:keda/app.kubernetes.io/name=keda-operator";
    /** CloudNativePG's operator polls each instance's status port. */
    public static final String CNPG_OPERATOR = "ns:cnpg-system";
    /** Cluster DNS. */
    public static final String DNS = "ns:kube-system/k8s-app=kube-dns";
    /** The internet, for an external S3 endpoint. */
    public static final String ANYWHERE = "cidr:0.0.0.0/0";

    /** Topics declared in the manifests that are not in the services' contract, with the reason. */
    public static final Map<String, String> INFRASTRUCTURE_TOPICS = Map.of(
            "bucket.events", "MinIO's bucket notifications (dev), which ingest-service reads (INGEST_S3_NOTIFICATIONS_TOPIC)");

    /**
     * Environment variables a service may receive although its application.properties gives them no value: keys
     * without a default (documented there as comments) and the credentials the AWS SDK's default chain reads itself.
     */
    public static final Map<String, Set<String>> OPTIONAL_ENV = Map.of(
            "ingest-service", Set.of("INGEST_S3_BUCKET", "INGEST_S3_PREFIX", "INGEST_S3_ENDPOINT",
                    "INGEST_S3_ACCESS_KEY", "INGEST_S3_SECRET_KEY", "INGEST_API_KEY", "INGEST_S3_NOTIFICATIONS_TOPIC",
                    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"));

    /** Secrets the user creates by hand (never in the repository), so they are not in the rendered output. */
    public static final Set<String> USER_SECRETS = Set.of("ingest-s3-credentials", "ingest-api-key");

    /** Keys of the Secret {@code <cluster>-app} that CloudNativePG creates for the application owner. */
    public static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "password", "host", "port", "dbname",
            "uri", "jdbc-uri", "pgpass", "user");

    /** Keys of the Secret that Strimzi's User Operator writes for a KafkaUser with SCRAM authentication (same name). */
    public static final Set<String> STRIMZI_USER_SECRET_KEYS = Set.of("password", "sasl.jaas.config");

    /** Tags that move: an image under one of them is not pinned. */
    public static final Set<String> MOVING_TAGS = Set.of("latest", "main", "master", "dev", "develop", "edge",
            "nightly", "stable", "snapshot");

    /** A service that consumes as a consumer group: which group, which topics. */
    public record Consumer(String group, List<String> topics) {
    }

    /**
     * What each service consumes, read from its configuration where the configuration says it: dedup-service's
     * Kafka Streams application id and source topics, catalog-service's consumer group (it subscribes to
     * {@link Topics#WORKS} in code). ingest-service consumes no group: it is a singleton producer.
     */
    public static Optional<Consumer> consumer(String service, ServiceConfig config, Map<String, String> env) {
        return switch (service) {
            case "dedup-service" -> Optional.of(new Consumer(
                    config.resolve("quarkus.kafka-streams.application-id", env).orElse("?"),
                    List.of(config.resolve("quarkus.kafka-streams.topics", env).orElse("").split("\\s*,\\s*"))));
            case "catalog-service" -> Optional.of(new Consumer(
                    config.resolve("catalog.consumer.group-id", env).orElse("catalog-service"), List.of(Topics.WORKS.name())));
            default -> Optional.empty();
        };
    }

    /** Services that must run as exactly one instance, with the reason. */
    public static final Map<String, String> SINGLETONS = Map.of("ingest-service",
            "its Kafka transactional id is fixed per bucket (ingest.transactional-id): a second instance fences the first");

    /** Kafka Streams internal topics are created and validated by Kafka Streams: never declared as KafkaTopics. */
    public static boolean isStreamsInternal(String topic, String applicationId) {
        return topic.startsWith(applicationId + "-") && (topic.endsWith("-changelog") || topic.endsWith("-repartition"));
    }
}
