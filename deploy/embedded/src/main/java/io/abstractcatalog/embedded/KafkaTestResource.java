package io.abstractcatalog.embedded;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a real Kafka broker for a {@code @QuarkusTest} and points the Kafka clients (and so Kafka Streams) at it.
 * Data lives under fresh folders in {@code target/}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.start(TestDirectories.fresh("embedded-kafka"));
        String bootstrap = broker.bootstrapServers();
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
    }
}
