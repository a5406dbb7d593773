package io.abstractcatalog.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.TopicProvisioner;
import io.abstractcatalog.contract.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The infrastructure the fault-injection suite takes down: it must come back at the same address with its data. */
class RestartableInfrastructureTest {

    @Test
    void brokerKilledAndStartedAgainKeepsItsAddressAndCommittedRecords() throws Exception {
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(TestDirectories.fresh("kafka-process-test"))) {
            String address = broker.bootstrapServers();
            TopicProvisioner.ensure(KafkaConnection.to(address), Topics.ALL, 2);
            produceCommitted(address, "before the crash");

            broker.kill();
            broker.start();

            assertThat(broker.bootstrapServers()).isEqualTo(address);
            produceCommitted(address, "after the restart");
            assertThat(readCommitted(address, 2)).containsExactlyInAnyOrder("before the crash", "after the restart");
        }
    }

    @Test
    void postgresStoppedAndRestartedKeepsItsPortAndCommittedRows() throws Exception {
        try (PostgresServer server = PostgresServer.startRestartable(TestDirectories.fresh("pg-restart-test"), "catalog")) {
            String url = server.jdbcUrl();
            execute(url, "CREATE TABLE survivor (name text)", "INSERT INTO survivor VALUES ('committed before the stop')");

            server.stop();
            assertThatThrownBy(() -> execute(url, "SELECT 1")).isInstanceOf(SQLException.class);
            server.restart();

            assertThat(server.jdbcUrl()).isEqualTo(url);
            try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                 ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM survivor")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("committed before the stop");
            }
        }
    }

    private static void execute(String url, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void produceCommitted(String bootstrap, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "restart-test"), new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.RAW.name(), "k", value));
            producer.commitTransaction();
        }
    }

    private static List<String> readCommitted(String bootstrap, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.RAW.name()));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            return values;
        }
    }
}
