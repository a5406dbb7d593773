package io.abstractcatalog.catalog.consume;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * How the service consumes topic "works" ({@code catalog.consumer.*}). The values are stated once, in
 * application.properties.
 */
@ConfigMapping(prefix = "catalog.consumer")
public interface ConsumerSettings {

    /** Consumer group shared by all instances of the service. */
    String groupId();

    /** False serves the REST API without consuming. */
    boolean enabled();

    /**
     * Consumer loops in this instance, each with its own thread, consumer and database connection; the group splits
     * the partitions of "works" between them, so more than the partition count leaves loops idle.
     */
    int threads();

    /** Most events per poll, and so per database transaction. */
    int maxPollRecords();

    /** How long one poll waits for events. */
    Duration pollTimeout();

    /** Pause before retrying after a failure of the database or of Kafka. */
    Duration retryBackoff();
}
