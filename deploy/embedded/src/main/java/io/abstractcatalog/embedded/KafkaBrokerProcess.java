package io.abstractcatalog.embedded;

import io.abstractcatalog.contract.KafkaConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker + controller, one node) running as a child JVM
 * ({@code kafka.Kafka}), so a test can stop it, kill it with SIGKILL and start it again on the same port and log
 * directory, as a crashed or restarted broker host would be. Ports are chosen once; storage is formatted once.
 * The in-process {@link KafkaBroker} cannot do that: its test kit picks new ports at every start.
 *
 * <p>{@link #startWithSasl} adds a listener that admits only clients authenticated by SASL (mechanism PLAIN, one user)
 * over TLS (a certificate made for localhost at start), as a secured production cluster would, to show that the
 * services reach one through configuration alone.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    /** A user the SASL listener accepts. */
    public record SaslUser(String name, String password) {
    }

    private final Path dataDir;
    private final int brokerPort;
    private final int saslPort;
    private final SaslUser saslUser;
    private final Path config;
    private final Thread reaper = new Thread(this::killQuietly, "kafka-broker-reaper");
    private Process process;

    private KafkaBrokerProcess(Path dataDir, int brokerPort, int saslPort, SaslUser saslUser, Path config) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.saslPort = saslPort;
        this.saslUser = saslUser;
        this.config = config;
    }

    /** Formats storage under {@code dataDir} (created if needed), starts the broker and waits until it answers. */
    public static KafkaBrokerProcess start(Path dataDir) {
        return start(dataDir, null);
    }

    /**
     * As {@link #start(Path)}, with a second listener (SASL_SSL) that admits only the given user, authenticated by
     * SASL/PLAIN over TLS: {@link #saslConnection()} connects to it. The plain listener stays, for the broker itself.
     */
    public static KafkaBrokerProcess startWithSasl(Path dataDir, SaslUser user) {
        return start(dataDir, user);
    }

    private static KafkaBrokerProcess start(Path dataDir, SaslUser saslUser) {
        try {
            Files.createDirectories(dataDir);
            int brokerPort = freePort();
            int controllerPort = freePort();
            int saslPort = saslUser == null ? 0 : freePort();
            Path config = dataDir.resolve("server.properties");
            if (saslUser != null) {
                BrokerCertificate.create(dataDir.resolve("tls"));
            }
            Files.writeString(config, serverProperties(dataDir, brokerPort, controllerPort, saslPort, saslUser),
                    StandardCharsets.UTF_8);
            KafkaBrokerProcess broker = new KafkaBrokerProcess(dataDir, brokerPort, saslPort, saslUser, config);
            broker.format();
            // A broker left behind by a test JVM that ends without close() would hold its ports for the next build.
            Runtime.getRuntime().addShutdownHook(broker.reaper);
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a Kafka broker in " + dataDir, e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    /**
     * The client settings that reach the SASL listener as its user, as the services' {@code kafka.*} keys take them
     * (without the prefix): servers, protocol, mechanism, JAAS login and the broker's certificate to trust.
     */
    public Map<String, String> saslClientSettings() {
        if (saslUser == null) {
            throw new IllegalStateException("this broker has no SASL listener: start it with startWithSasl");
        }
        return Map.of("bootstrap.servers", "localhost:" + saslPort,
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + saslUser.name() + "\" password=\"" + saslUser.password() + "\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", BrokerCertificate.certificate(dataDir.resolve("tls")).toString());
    }

    /** {@link #saslClientSettings()} as a connection. */
    public KafkaConnection saslConnection() {
        return KafkaConnection.of(saslClientSettings());
    }

    /** Starts the broker again (same port, same logs) after {@link #stop()} or {@link #kill()}; ready when this returns. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the Kafka broker is already running");
        }
        process = launch(List.of("kafka.Kafka", config.toString()), dataDir.resolve("broker.log"));
        awaitReady();
    }

    /** SIGTERM: a controlled shutdown that flushes and closes the logs. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGKILL: the broker gets no chance to close anything; the next start recovers its logs. */
    public synchronized void kill() {
        killQuietly();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs anyway
        }
    }

    private void killQuietly() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void format() {
        Process formatter = launch(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", clusterId(), "--config", config.toString()), dataDir.resolve("format.log"));
        try {
            if (!formatter.waitFor(120, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                formatter.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage failed; see " + dataDir.resolve("format.log") + ":\n"
                        + readQuietly(dataDir.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    /** A JVM on this JVM's own classpath, which holds the Kafka server (a dependency of this module). */
    private static Process launch(List<String> mainAndArgs, Path log) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + mainAndArgs.get(0), e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue()
                            + " during start-up:\n" + readQuietly(dataDir.resolve("broker.log")));
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    // not answering yet
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
        throw new IllegalStateException("the Kafka broker did not become ready within " + READY_WITHIN.toSeconds() + " s at "
                + bootstrapServers() + "; see " + dataDir.resolve("broker.log"));
    }

    private static String serverProperties(Path dataDir, int brokerPort, int controllerPort, int saslPort,
                                           SaslUser saslUser) {
        String sasl = saslUser == null ? "" : ",SASL_SSL://localhost:" + saslPort;
        StringBuilder properties = new StringBuilder("""
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d%4$s
                advertised.listeners=PLAINTEXT://localhost:%1$d%4$s
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL
                log.dirs=%3$s
                """.formatted(brokerPort, controllerPort, dataDir.resolve("logs"), sasl));
        if (saslUser != null) {
            // The broker's side of PLAIN: user_<name>="<password>" lists who may log in.
            Path tls = dataDir.resolve("tls");
            properties.append("sasl.enabled.mechanisms=PLAIN\n")
                    .append("listener.name.sasl_ssl.plain.sasl.jaas.config=")
                    .append("org.apache.kafka.common.security.plain.PlainLoginModule required user_")
                    .append(saslUser.name()).append("=\"").append(saslUser.password()).append("\";\n")
                    .append("listener.name.sasl_ssl.ssl.keystore.type=PKCS12\n")
                    .append("listener.name.sasl_ssl.ssl.keystore.location=").append(BrokerCertificate.keyStore(tls))
                    .append('\n')
                    .append("listener.name.sasl_ssl.ssl.keystore.password=").append(BrokerCertificate.PASSWORD)
                    .append('\n');
        }
        KafkaBroker.SINGLE_NODE.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
        return properties.toString();
    }

    private static String clusterId() {
        return Uuid.randomUuid().toString(); // never starts with '-', which the storage tool would take for an option
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.length() > 4_000 ? text.substring(text.length() - 4_000) : text;
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }
}
