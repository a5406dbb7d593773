package io.abstractcatalog.catalog.search;

import io.smallrye.config.ConfigMapping;

/**
 * How GET /works bounds its work ({@code catalog.search.*}). The values, and why they are what they are, are stated
 * once, in application.properties.
 */
@ConfigMapping(prefix = "catalog.search")
public interface SearchSettings {

    /** sort=relevance ranks at most this many matches, the most recently updated ones. */
    int rankWindow();

    /** About how many of the newest works are searched for the window before the full-text index is used. */
    int rankProbe();

    /** group_by counts over at most this many matches, the most recently updated ones. */
    int facetWindow();
}
