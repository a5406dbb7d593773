package io.abstractcatalog.ingest.health;

import io.abstractcatalog.contract.KafkaConnection;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Asks Kafka whether it answers, with one admin client kept for the purpose: health is polled often. */
@ApplicationScoped
public class KafkaProbe {

    private final KafkaConnection kafka;
    private Admin admin;

    public KafkaProbe(@Identifier(KafkaConnection.CONFIG_BEAN) Map<String, Object> kafkaConfig) {
        this.kafka = KafkaConnection.of(kafkaConfig);
    }

    /** The number of brokers that answered within three seconds. */
    public synchronized int brokers() throws ExecutionException, InterruptedException, TimeoutException {
        if (admin == null) {
            admin = Admin.create(kafka.client(Map.of(
                    AdminClientConfig.CLIENT_ID_CONFIG, "ingest-health",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000)));
        }
        return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
