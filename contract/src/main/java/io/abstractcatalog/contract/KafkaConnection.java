package io.abstractcatalog.contract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How every Kafka client of a service reaches the cluster: the bootstrap servers and the other settings all clients
 * share, above all security (TLS, SASL), taken from the service's {@code kafka.*} configuration as Quarkus collects it
 * (the {@code default-kafka-broker} map, which its Kafka Streams and its Kafka health check read too). So a secured
 * cluster needs configuration only, the same keys for every service, e.g. {@code kafka.security.protocol}.
 *
 * <p>Only keys that admin clients, producers and consumers all know are kept: a producer-only key would make a
 * consumer warn, and Quarkus adds keys of its own to that map (a {@code group.id}; {@code kafka-streams.*} read as
 * {@code streams.*}). What a client sets itself for its guarantees (transactional id, isolation level, group) wins.
 */
public final class KafkaConnection {

    /** The identifier of the bean holding the service's {@code kafka.*} configuration (quarkus-kafka-client). */
    public static final String CONFIG_BEAN = "default-kafka-broker";

    /** Keys that name one client, not the connection: each client sets its own. */
    private static final Set<String> PER_CLIENT = Set.of(CommonClientConfigs.CLIENT_ID_CONFIG,
            CommonClientConfigs.GROUP_ID_CONFIG, CommonClientConfigs.GROUP_INSTANCE_ID_CONFIG);
    private static final Set<String> SHARED = shared();

    private final Map<String, Object> settings;

    private KafkaConnection(Map<String, Object> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** The connection described by a client configuration map (keys without the {@code kafka.} prefix). */
    public static KafkaConnection of(Map<String, ?> config) {
        Map<String, Object> settings = new HashMap<>();
        config.forEach((key, value) -> {
            if (SHARED.contains(key) && value != null) {
                settings.put(key, value);
            }
        });
        Object servers = settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        if (servers == null) {
            throw new IllegalArgumentException("no Kafka bootstrap servers configured: set kafka.bootstrap.servers"
                    + " (environment: KAFKA_BOOTSTRAP_SERVERS)");
        }
        return new KafkaConnection(settings);
    }

    /** A plain connection (no TLS, no SASL) to the given servers. */
    public static KafkaConnection to(String bootstrapServers) {
        return of(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Whether a client key (without the {@code kafka.} prefix) is a connection setting every client is given. */
    public static boolean isConnectionSetting(String key) {
        return SHARED.contains(key);
    }

    public String bootstrapServers() {
        return settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG).toString();
    }

    /** The configuration of one client: the connection's settings, then the client's own, which win. */
    public Map<String, Object> client(Map<String, ?> own) {
        Map<String, Object> config = new HashMap<>(settings);
        config.putAll(own);
        return config;
    }

    /** The servers and the security protocol, for logs; never a secret. */
    @Override
    public String toString() {
        Object protocol = settings.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        Object mechanism = settings.get("sasl.mechanism");
        return bootstrapServers() + " (" + protocol + (mechanism != null && protocol.toString().startsWith("SASL")
                ? " " + mechanism : "") + ")";
    }

    private static Set<String> shared() {
        Set<String> keys = new HashSet<>(AdminClientConfig.configNames());
        keys.retainAll(ProducerConfig.configNames());
        keys.retainAll(ConsumerConfig.configNames());
        keys.removeAll(PER_CLIENT);
        return Set.copyOf(keys);
    }
}
