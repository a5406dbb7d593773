package io.abstractcatalog.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real PostgreSQL primary with a streaming hot standby for a {@code @QuarkusTest}: the default datasource (writes)
 * points at the primary, the {@code reads} datasource at the replica. Embedded servers only (the Testcontainers mode
 * has no replica).
 */
public class PostgresReplicaTestResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer primary;
    private static PostgresReplica replica;

    @Override
    public synchronized Map<String, String> start() {
        primary = PostgresServer.startRestartable(TestDirectories.fresh("embedded-postgres-primary"), "catalog");
        replica = PostgresReplica.follow(primary, TestDirectories.fresh("embedded-postgres-replica"));
        return Map.of(
                "quarkus.datasource.jdbc.url", primary.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "quarkus.datasource.reads.jdbc.url", replica.jdbcUrl());
    }

    public static String primaryJdbcUrl() {
        return primary.jdbcUrl();
    }

    public static String replicaJdbcUrl() {
        return replica.jdbcUrl();
    }

    @Override
    public synchronized void stop() {
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
    }
}
