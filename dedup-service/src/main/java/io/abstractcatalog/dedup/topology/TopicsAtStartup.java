package io.abstractcatalog.dedup.topology;

import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.TopicProvisioner;
import io.abstractcatalog.contract.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Creates the system's topics if missing; Kafka Streams waits for its source topic ({@code quarkus.kafka-streams.topics}).
 * The topology asks it for the partition count of {@code abstracts.raw}, which sizes step 2 (block).
 */
@ApplicationScoped
class TopicsAtStartup {

    /** The service's kafka.* settings; Quarkus hands the same map to Kafka Streams. */
    @Identifier(KafkaConnection.CONFIG_BEAN)
    Map<String, Object> kafkaConfig;

    @Inject
    TopicsConfig topics;

    void onStart(@Observes StartupEvent event) {
        TopicProvisioner.ensure(KafkaConnection.of(kafkaConfig), Topics.ALL, topics.partitions());
    }

    /** The partition count of {@code abstracts.raw} as the broker has it (created first if missing). */
    int rawPartitions() {
        KafkaConnection kafka = KafkaConnection.of(kafkaConfig);
        TopicProvisioner.ensure(kafka, Topics.ALL, topics.partitions());
        try (Admin admin = Admin.create(kafka.client(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "dedup-topics")))) {
            return admin.describeTopics(List.of(Topics.RAW.name())).allTopicNames().get(60, TimeUnit.SECONDS)
                    .get(Topics.RAW.name()).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + Topics.RAW, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + Topics.RAW + " at " + kafka, e);
        }
    }
}
