package io.abstractcatalog.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KafkaConnectionTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"catalog\" password=\"s3cret\";";

    /** What Quarkus collects from a service's kafka.* keys (and its environment) for a SASL_SSL cluster. */
    private static Map<String, Object> securedServiceConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", "kafka-0:9093,kafka-1:9093");
        config.put("security.protocol", "SASL_SSL");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", JAAS);
        config.put("ssl.truststore.type", "PEM");
        config.put("ssl.truststore.location", "/etc/kafka-ca/ca.crt");
        config.put("ssl.endpoint.identification.algorithm", "");
        // Added by Quarkus itself, or a key of another kind of client: not connection settings.
        config.put("group.id", "catalog-service");
        config.put("streams.state.dir", "/var/lib/abstract-catalog/dedup-state");
        config.put("linger.ms", "20");
        config.put("isolation.level", "read_uncommitted");
        config.put("client.id", "from-config");
        return config;
    }

    /** An empty value counts: an empty endpoint identification algorithm turns host name checks off. */
    @ParameterizedTest(name = "{0} reaches every client")
    @CsvSource(delimiter = '|', textBlock = """
            bootstrap.servers       | kafka-0:9093,kafka-1:9093
            security.protocol       | SASL_SSL
            sasl.mechanism          | SCRAM-SHA-512
            ssl.truststore.type     | PEM
            ssl.truststore.location | /etc/kafka-ca/ca.crt
            ssl.endpoint.identification.algorithm | ''
            """)
    void connectionSettingsReachEveryClient(String key, String value) {
        KafkaConnection kafka = KafkaConnection.of(securedServiceConfig());

        assertThat(kafka.client(Map.of())).containsEntry(key, value);
        assertThat(kafka.client(Map.of("transactional.id", "ingest-abstracts"))).containsEntry(key, value);
        assertThat(kafka.client(Map.of("isolation.level", "read_committed"))).containsEntry(key, value);
    }

    @Test
    void theJaasConfigurationReachesClientsButNeverTheLogLine() {
        KafkaConnection kafka = KafkaConnection.of(securedServiceConfig());

        assertThat(kafka.client(Map.of())).containsEntry("sasl.jaas.config", JAAS);
        assertThat(kafka).hasToString("kafka-0:9093,kafka-1:9093 (SASL_SSL SCRAM-SHA-512)");
        assertThat(kafka.toString()).doesNotContain("s3cret");
    }

    @ParameterizedTest(name = "{0} is left out")
    @CsvSource(textBlock = """
            group.id
            client.id
            streams.state.dir
            linger.ms
            isolation.level
            """)
    void keysThatAreNotSharedConnectionSettingsAreLeftOut(String key) {
        // Client-specific keys would make other kinds of clients warn or, worse, join a consumer group.
        assertThat(KafkaConnection.of(securedServiceConfig()).client(Map.of())).doesNotContainKey(key);
    }

    @Test
    void whatAClientSetsForItsGuaranteesWinsOverConfiguration() {
        Map<String, Object> config = securedServiceConfig();
        config.put("request.timeout.ms", "60000");

        Map<String, Object> client = KafkaConnection.of(config).client(Map.of("request.timeout.ms", 3000));

        assertThat(client).containsEntry("request.timeout.ms", 3000);
    }

    @Test
    void aPlainConnectionNamesItsProtocol() {
        KafkaConnection kafka = KafkaConnection.to("localhost:9092");

        assertThat(kafka.client(Map.of())).isEqualTo(Map.of("bootstrap.servers", "localhost:9092"));
        assertThat(kafka).hasToString("localhost:9092 (PLAINTEXT)");
        assertThat(kafka.bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void noBootstrapServersIsAClearError() {
        assertThatThrownBy(() -> KafkaConnection.of(Map.of("security.protocol", "SSL")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kafka.bootstrap.servers")
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }
}
