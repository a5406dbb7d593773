package io.abstractcatalog.catalog.export;

import io.smallrye.config.ConfigMapping;

/** How exports read the database ({@code catalog.export.*}); the values are stated once, in application.properties. */
@ConfigMapping(prefix = "catalog.export")
public interface ExportSettings {

    /** Rows fetched from PostgreSQL's cursor at a time: what an export holds in memory, besides the output buffer. */
    int fetchSize();
}
