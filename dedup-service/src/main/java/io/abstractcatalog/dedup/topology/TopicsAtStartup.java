package io.abstractcatalog.dedup.topology;

import io.abstractcatalog.contract.TopicProvisioner;
import io.abstractcatalog.contract.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the system's topics if missing; Kafka Streams waits for its source topic ({@code quarkus.kafka-streams.topics}). */
@ApplicationScoped
class TopicsAtStartup {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "topics.partitions", defaultValue = "3")
    int partitions;

    void onStart(@Observes StartupEvent event) {
        TopicProvisioner.ensure(bootstrapServers, Topics.all(partitions));
    }
}
