package io.abstractcatalog.contract;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics a service uses when they do not exist yet, so a fresh broker needs no manual step.
 * On Kubernetes the topics are declared as {@code KafkaTopic} resources and this finds them present.
 */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    /**
     * Creates those of {@code topics} that are missing, each with its partition rule applied to {@code partitions}
     * (the services' {@code topics.partitions}); an existing topic is left as it is.
     */
    public static void ensure(KafkaConnection kafka, Collection<? extends Topic<?>> topics, int partitions) {
        try (Admin admin = Admin.create(kafka.client(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "topic-provisioner")))) {
            List<NewTopic> requested = topics.stream().map(topic -> newTopic(topic, partitions)).toList();
            for (var entry : admin.createTopics(requested).values().entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + kafka + " did not answer within 60 s", e);
        }
    }

    private static NewTopic newTopic(Topic<?> spec, int partitions) {
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(partitions), (short) -1); // broker default replication
        if (spec.compacted()) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return topic;
    }
}
