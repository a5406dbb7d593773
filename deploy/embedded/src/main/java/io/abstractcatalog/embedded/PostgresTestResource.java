package io.abstractcatalog.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a real PostgreSQL server for a {@code @QuarkusTest} and points the default datasource at it. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;

    @Override
    public Map<String, String> start() {
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
    }
}
