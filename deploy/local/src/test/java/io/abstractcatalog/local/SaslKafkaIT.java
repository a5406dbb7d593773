package io.abstractcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.embedded.TestDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A secured Kafka cluster needs configuration only: the three services, given the {@code kafka.security.protocol},
 * {@code kafka.sasl.*} and {@code kafka.ssl.*} keys a user would set, reach a listener that admits only clients
 * authenticated by SASL over TLS, with every client they make (ingest's producer, ledger reader and health probe,
 * dedup's Kafka Streams and topic set-up, the catalog's consumers and health check).
 */
class SaslKafkaIT {

    private static final Path SAMPLES = StackSettings.findProjectRoot().resolve("deploy/local/samples");

    private static LocalStack stack;

    @BeforeAll
    static void startStack() {
        StackSettings settings = StackSettings.forTest(StackSettings.findProjectRoot(), TestDirectories.fresh("sasl"));
        stack = LocalStack.startWithSasl(settings, System.out);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void samplesDroppedIntoTheBucketReachTheCatalogThroughTheSaslListener() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path sample : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                Files.copy(sample, stack.settings().bucket().resolve(sample.getFileName()));
            }
        }

        CatalogClient catalog = new CatalogClient(stack.catalog().url());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode stats = catalog.get("/stats");
            assertThat(stats.get("records").asInt()).isEqualTo(307);
            assertThat(stats.get("works").asInt()).isEqualTo(302);
        });
        assertThat(catalog.get("/stats").get("worksWithDuplicates").asInt()).isEqualTo(5);
        assertThat(stack.kafkaConnection().toString()).endsWith("(SASL_SSL PLAIN)");
    }

    @Test
    void theListenerRefusesAClientWithAWrongPassword() {
        Map<String, Object> settings = new HashMap<>(stack.kafkaConnection().client(Map.of()));
        settings.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + LocalStack.SASL_USER.name() + "\" password=\"not-the-password\";");
        KafkaConnection wrong = KafkaConnection.of(settings);

        assertThatThrownBy(() -> listTopics(wrong))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void theListenerRefusesAClientThatDoesNotTrustTheBrokersCertificate() {
        Map<String, Object> settings = new HashMap<>(stack.kafkaConnection().client(Map.of()));
        settings.remove("ssl.truststore.type");
        settings.remove("ssl.truststore.location"); // the JVM's default CAs do not know the test broker's certificate

        assertThatThrownBy(() -> listTopics(KafkaConnection.of(settings)))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SslAuthenticationException.class);
    }

    @Test
    void anAuthenticatedClientThatTrustsTheBrokerSeesTheTopics() throws Exception {
        assertThat(listTopics(stack.kafkaConnection())).containsAll(List.of(Topics.RAW.name(), Topics.WORKS.name()));
    }

    private static Set<String> listTopics(KafkaConnection kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.client(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000)))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }
}
