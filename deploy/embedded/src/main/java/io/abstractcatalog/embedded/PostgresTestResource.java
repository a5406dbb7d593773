package io.abstractcatalog.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a real PostgreSQL server for a {@code @QuarkusTest} and points the default datasource at it. With
 * {@code -Dcatalog.infra=containers} the server is a Testcontainers container instead ({@link InfrastructureMode}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;
    private AutoCloseable container;

    @Override
    public Map<String, String> start() {
        if (InfrastructureMode.current() == InfrastructureMode.CONTAINERS) {
            ContainerSupport.require(); // before the first Testcontainers class is loaded
            ContainerInfrastructure.Running postgres = ContainerInfrastructure.postgres("catalog");
            container = postgres;
            return Map.of(
                    "quarkus.datasource.jdbc.url", postgres.address(),
                    "quarkus.datasource.username", postgres.user(),
                    "quarkus.datasource.password", postgres.password());
        }
        server = PostgresServer.start(TestDirectories.fresh("embedded-postgres"), "catalog");
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
        if (container != null) {
            try {
                container.close();
            } catch (Exception e) {
                throw new IllegalStateException("the PostgreSQL container did not stop cleanly: " + e.getMessage(), e);
            }
        }
    }
}
