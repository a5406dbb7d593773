package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.k8s.Tree;
import io.abstractcatalog.k8s.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every service connects to the Kafka cluster's bootstrap service on a port where it has a listener, with the
 * security settings that listener requires.
 */
final class KafkaConnectionRule implements Rule {

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>();
        KafkaCluster kafka = catalog.kafka();
        if (!kafka.present()) {
            return out;
        }
        String name = kafka.name();
        String bootstrap = name + "-kafka-bootstrap";
        for (ServiceContext service : catalog.services().values()) {
            String servers = service.config().resolve("kafka.bootstrap.servers", service.env()).orElse("");
            for (String server : servers.split("\\s*,\\s*")) {
                String host = server.contains(":") ? server.substring(0, server.lastIndexOf(':')) : server;
                int port = Integer.parseInt(NetworkFlows.port(server, 9092));
                Object listener = kafka.listeners().get(port);
                if (!host.equals(bootstrap) && !host.startsWith(bootstrap + ".")) {
                    out.add(new Violation("kafka", service.name() + " connects to Kafka at " + server + ", not the bootstrap service "
                            + bootstrap + " of Kafka " + name));
                } else if (listener == null) {
                    out.add(new Violation("kafka", service.name() + " connects to port " + port + ", where Kafka " + name
                            + " has no listener"));
                } else {
                    listenerSecurity(service, name, listener, out);
                }
            }
        }
        return out;
    }

    /**
     * The service's Kafka connection settings (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*; none: PLAINTEXT)
     * must be what the listener it connects to requires: TLS needs the cluster CA to trust (Strimzi's is in no JVM's
     * default trust store), SCRAM a SASL protocol, the mechanism and a JAAS login.
     */
    private static void listenerSecurity(ServiceContext service, String cluster, Object listener, List<Violation> out) {
        boolean tls = Boolean.TRUE.equals(Tree.at(listener, "tls"));
        String authentication = Tree.string(Tree.at(listener, "authentication", "type")).orElse("");
        boolean sasl = authentication.startsWith("scram-sha-");
        String expected = sasl ? (tls ? "SASL_SSL" : "SASL_PLAINTEXT") : (tls ? "SSL" : "PLAINTEXT");
        Map<String, String> env = service.env();
        String protocol = env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        String where = service.name() + " connects to listener " + Tree.at(listener, "name") + " of Kafka " + cluster;
        if (!protocol.equals(expected)) {
            out.add(new Violation("kafka", where + " (" + (tls ? "TLS" : "no TLS") + (sasl ? ", " + authentication : "")
                    + ") with security protocol " + protocol + ": set KAFKA_SECURITY_PROTOCOL=" + expected));
            return;
        }
        if (tls && !env.containsKey("KAFKA_SSL_TRUSTSTORE_LOCATION") && !env.containsKey("KAFKA_SSL_TRUSTSTORE_CERTIFICATES")) {
            out.add(new Violation("kafka", where + " over TLS but trusts only the JVM's default CAs: mount ca.crt of Secret " + cluster
                    + "-cluster-ca-cert and set KAFKA_SSL_TRUSTSTORE_TYPE=PEM and KAFKA_SSL_TRUSTSTORE_LOCATION"));
        }
        if (sasl) {
            String mechanism = authentication.toUpperCase(Locale.ROOT);
            if (!mechanism.equals(env.get("KAFKA_SASL_MECHANISM"))) {
                out.add(new Violation("kafka", where + ", which authenticates with " + authentication + ": set KAFKA_SASL_MECHANISM="
                        + mechanism));
            }
            if (!env.containsKey("KAFKA_SASL_JAAS_CONFIG")) {
                out.add(new Violation("kafka", where + ", which authenticates with " + authentication
                        + ", without KAFKA_SASL_JAAS_CONFIG (key sasl.jaas.config of the KafkaUser's Secret)"));
            }
        }
    }
}
