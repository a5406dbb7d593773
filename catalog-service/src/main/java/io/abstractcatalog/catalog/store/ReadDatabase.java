package io.abstractcatalog.catalog.store;

/**
 * The datasource searches and lookups read from ({@code quarkus.datasource.reads.*}): the primary itself by default,
 * a streaming replica when configured. Writes never go there: the works consumer and Flyway use the default one.
 */
public final class ReadDatabase {

    /** The Quarkus datasource name, for {@code @io.quarkus.agroal.DataSource(ReadDatabase.NAME)}. */
    public static final String NAME = "reads";

    private ReadDatabase() {
    }
}
