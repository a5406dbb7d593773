package io.abstractcatalog.embedded;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The container-backed counterparts of {@link KafkaBroker} and {@link PostgresServer} (plus MinIO, for the S3 bucket
 * mode's tests), for hosts with a Docker engine. The only class that names Testcontainers: it is loaded only when
 * {@link InfrastructureMode#CONTAINERS} is selected, so the default build needs neither Testcontainers nor Docker.
 * Images are pinned to the versions the embedded infrastructure and the Kubernetes manifests use.
 */
public final class ContainerInfrastructure {

    /** The broker version of the Kafka clients (kafka.version in the parent pom). */
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    /** The PostgreSQL release of the embedded binaries and of the CloudNativePG cluster. */
    public static final String POSTGRES_IMAGE = "postgres:17.6";
    /** The MinIO release of the dev overlay. */
    public static final String MINIO_IMAGE = "minio/minio:RELEASE.2025-09-07T16-13-09Z";

    private ContainerInfrastructure() {
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** A started single-node Kafka (KRaft) container; topics are created on purpose only, as on the embedded broker. */
    public static Running kafka() {
        ContainerSupport.require();
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        kafka.start();
        return new Running(kafka.getBootstrapServers(), null, null, kafka::stop);
    }

    /** A started PostgreSQL container holding {@code database}. */
    public static Running postgres(String database) {
        ContainerSupport.require();
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withDatabaseName(database)
                .withUsername(PostgresServer.USER)
                .withPassword(PostgresServer.PASSWORD);
        postgres.start();
        return new Running(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(), postgres::stop);
    }

    /** A started MinIO container: address is its S3 endpoint URL, user and password its root credentials. */
    public static Running minio() {
        ContainerSupport.require();
        MinIOContainer minio = new MinIOContainer(MINIO_IMAGE);
        minio.start();
        return new Running(minio.getS3URL(), minio.getUserName(), minio.getPassword(), minio::stop);
    }

    /** A started container: where it answers, its credentials if any, and how to stop it. */
    public record Running(String address, String user, String password, Runnable stopper) implements AutoCloseable {
        @Override
        public void close() {
            stopper.run();
        }
    }
}
