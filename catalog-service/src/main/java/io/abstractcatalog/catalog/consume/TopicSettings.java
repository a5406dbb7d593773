package io.abstractcatalog.catalog.consume;

import io.smallrye.config.ConfigMapping;

/** The topics every service creates alike when they do not exist yet ({@code topics.*} in application.properties). */
@ConfigMapping(prefix = "topics")
public interface TopicSettings {

    /** Partitions of each topic the service creates at start-up. */
    int partitions();
}
