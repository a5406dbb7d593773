package io.abstractcatalog.ingest.publish;

import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.TopicProvisioner;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.embedded.KafkaBroker;
import io.abstractcatalog.embedded.TestDirectories;

/**
 * One in-JVM broker for the crash tests of this package ({@link CrashRecoveryTest}, {@link ChunkedCommitTest}):
 * starting one takes 10-20 s on a busy machine. Each test uses its own bucket name and transactional id, so they
 * do not see each other's files. Stopped when the test JVM exits.
 */
final class SharedBroker {

    private static KafkaBroker broker;

    private SharedBroker() {
    }

    static synchronized String bootstrapServers() {
        if (broker == null) {
            KafkaBroker started = KafkaBroker.start(TestDirectories.fresh("kafka-crash"));
            TopicProvisioner.ensure(KafkaConnection.to(started.bootstrapServers()), Topics.ALL, 3);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "crash-test-broker-stop"));
            broker = started;
        }
        return broker.bootstrapServers();
    }
}
