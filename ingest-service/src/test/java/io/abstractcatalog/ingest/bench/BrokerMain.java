package io.abstractcatalog.ingest.bench;

import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.contract.TopicProvisioner;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.embedded.KafkaBroker;
import java.nio.file.Path;

/**
 * Runs the embedded broker in a JVM of its own for {@link LargeFileBenchmark}, so the broker's heap is not counted
 * in the ingestion's. Prints {@code BOOTSTRAP=host:port} once the topics exist; stops when its standard input closes
 * (the benchmark exits or dies).
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(Path.of(args[0]))) {
            TopicProvisioner.ensure(KafkaConnection.to(broker.bootstrapServers()), Topics.ALL, 3);
            System.out.println("BOOTSTRAP=" + broker.bootstrapServers());
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the parent to go away
            }
        }
    }
}
