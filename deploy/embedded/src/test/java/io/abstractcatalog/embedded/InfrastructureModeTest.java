package io.abstractcatalog.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The switch between embedded and container infrastructure, and its errors. No Docker needed. */
class InfrastructureModeTest {

    private static UnaryOperator<String> from(Map<String, String> values) {
        return values::get;
    }

    @Test
    void embeddedUnlessSaidOtherwise() {
        assertThat(InfrastructureMode.select(from(Map.of()), from(Map.of()))).isEqualTo(InfrastructureMode.EMBEDDED);
        assertThat(InfrastructureMode.select(from(Map.of("catalog.infra", " ")), from(Map.of()))).isEqualTo(InfrastructureMode.EMBEDDED);
    }

    @Test
    void systemPropertyOrEnvironmentSelectsContainers() {
        assertThat(InfrastructureMode.select(from(Map.of("catalog.infra", "containers")), from(Map.of())))
                .isEqualTo(InfrastructureMode.CONTAINERS);
        assertThat(InfrastructureMode.select(from(Map.of()), from(Map.of("CATALOG_INFRA", "Containers"))))
                .isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void systemPropertyWinsOverEnvironment() {
        assertThat(InfrastructureMode.select(from(Map.of("catalog.infra", "embedded")), from(Map.of("CATALOG_INFRA", "containers"))))
                .isEqualTo(InfrastructureMode.EMBEDDED);
    }

    @Test
    void unknownValueIsRejectedWithTheChoices() {
        assertThatThrownBy(() -> InfrastructureMode.select(from(Map.of("catalog.infra", "docker")), from(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("system property catalog.infra is 'docker'")
                .hasMessageContaining("'embedded'").hasMessageContaining("'containers'");
    }

    @Test
    void containersWithoutTestcontainersOnTheClasspathSayWhatToDo() {
        assertThatThrownBy(() -> ContainerSupport.require(false, () -> true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not on this test classpath").hasMessageContaining("-Dcatalog.infra=containers");
    }

    @Test
    void containersWithoutDockerSayWhatToDo() {
        assertThatThrownBy(() -> ContainerSupport.require(true, () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine answers").hasMessageContaining("embedded");
        ContainerSupport.require(true, () -> true); // both present: no complaint
    }

    @Test
    void testcontainersIsCompiledInButStaysOptional() {
        // On this module's own classpath (it compiles ContainerInfrastructure); the services only get it with
        // -Dcatalog.infra=containers (see the pom's 'containers' profile).
        assertThat(ContainerSupport.onClasspath()).isTrue();
    }

    @Test
    void kafkaTestResourceInContainerModeFailsClearlyWithoutDocker() {
        assumeFalse(ContainerInfrastructure.dockerAvailable(), "a Docker engine answers here: the container path would really start");
        String before = System.getProperty(InfrastructureMode.PROPERTY);
        System.setProperty(InfrastructureMode.PROPERTY, "containers");
        try {
            assertThatThrownBy(() -> new KafkaTestResource().start())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no Docker engine answers");
            assertThatThrownBy(() -> new PostgresTestResource().start())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no Docker engine answers");
        } finally {
            if (before == null) {
                System.clearProperty(InfrastructureMode.PROPERTY);
            } else {
                System.setProperty(InfrastructureMode.PROPERTY, before);
            }
        }
    }
}
