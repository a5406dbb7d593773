package io.abstractcatalog.embedded;

import java.util.function.BooleanSupplier;

/**
 * The checks before anything touches Testcontainers: is it on the classpath, and does a Docker engine answer.
 * Both fail with a message that says what to do, instead of a NoClassDefFoundError or a minute of retries.
 */
public final class ContainerSupport {

    static final String TESTCONTAINERS_CLASS = "org.testcontainers.DockerClientFactory";

    private ContainerSupport() {
    }

    /** Fails unless containers can be started here; the suppliers make the decision testable without Docker. */
    public static void require(boolean testcontainersOnClasspath, BooleanSupplier dockerAvailable) {
        if (!testcontainersOnClasspath) {
            throw new IllegalStateException(InfrastructureMode.PROPERTY + "=containers selects Testcontainers, but it is not on "
                    + "this test classpath. Run Maven with -D" + InfrastructureMode.PROPERTY + "=containers (that activates the "
                    + "'containers' profile of embedded-infra, which adds it), or drop the setting to use the embedded "
                    + "Kafka and PostgreSQL.");
        }
        if (!dockerAvailable.getAsBoolean()) {
            throw new IllegalStateException(InfrastructureMode.PROPERTY + "=containers selects Testcontainers, but no Docker "
                    + "engine answers (checked DOCKER_HOST, ~/.testcontainers.properties and /var/run/docker.sock). Start "
                    + "Docker, or drop the setting to use the embedded Kafka and PostgreSQL, which need no Docker.");
        }
    }

    /** The real check: Testcontainers present and a Docker engine reachable. */
    public static void require() {
        boolean present = onClasspath();
        require(present, () -> present && ContainerInfrastructure.dockerAvailable());
    }

    static boolean onClasspath() {
        try {
            Class.forName(TESTCONTAINERS_CLASS, false, ContainerSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
