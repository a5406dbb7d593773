package io.abstractcatalog.ingest;

import io.smallrye.config.ConfigMapping;

/** {@code topics.*}: how this service creates the topics it finds missing (the key every service shares). */
@ConfigMapping(prefix = "topics")
public interface TopicSettings {

    /** Partitions of the keyed data topics ({@code application.properties} states the default). */
    int partitions();
}
