package io.abstractcatalog.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a real Kafka broker for a {@code @QuarkusTest} and points the Kafka clients (and so Kafka Streams) at it.
 * Data lives under fresh folders in {@code target/}. With {@code -Dcatalog.infra=containers} the broker is a
 * Testcontainers container instead ({@link InfrastructureMode}); the tests see no difference.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;
    private AutoCloseable container;

    @Override
    public Map<String, String> start() {
        String bootstrap;
        if (InfrastructureMode.current() == InfrastructureMode.CONTAINERS) {
            ContainerSupport.require(); // before the first Testcontainers class is loaded
            ContainerInfrastructure.Running kafka = ContainerInfrastructure.kafka();
            container = kafka;
            bootstrap = kafka.address();
        } else {
            broker = KafkaBroker.start(TestDirectories.fresh("embedded-kafka"));
            bootstrap = broker.bootstrapServers();
        }
        return Map.of(
                // Kafka Streams services read the same key (quarkus.kafka-streams.bootstrap-servers=${kafka.bootstrap.servers}).
                "kafka.bootstrap.servers", bootstrap,
                // Kafka Streams state must start as empty as the new broker, or old stores swallow new input.
                "kafka-streams.state.dir", TestDirectories.fresh("kafka-streams-state").toString());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
        if (container != null) {
            try {
                container.close();
            } catch (Exception e) {
                throw new IllegalStateException("the Kafka container did not stop cleanly: " + e.getMessage(), e);
            }
        }
    }
}
