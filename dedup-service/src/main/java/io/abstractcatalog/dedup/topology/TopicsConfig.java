package io.abstractcatalog.dedup.topology;

import io.smallrye.config.ConfigMapping;

/** The {@code topics.*} key every service shares (TOPICS_PARTITIONS); its default is in application.properties. */
@ConfigMapping(prefix = "topics")
public interface TopicsConfig {

    /** Partitions of a data topic when this service has to create it. */
    int partitions();
}
