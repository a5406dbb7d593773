package io.abstractcatalog.embedded;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Which infrastructure the test resources start: the embedded one (a Kafka broker and a PostgreSQL server from Maven
 * Central artifacts, in or next to the test JVM; the default, needs nothing but Java) or containers (Testcontainers,
 * for hosts with a Docker engine). Chosen by the system property {@code catalog.infra} or, failing that, the
 * environment variable {@code CATALOG_INFRA}: {@code embedded} or {@code containers}.
 * {@code ./mvnw verify -Dcatalog.infra=containers} selects containers for every module's tests (it also activates
 * the Maven profile {@code containers} that puts Testcontainers on their test classpath).
 */
public enum InfrastructureMode {
    EMBEDDED,
    CONTAINERS;

    public static final String PROPERTY = "catalog.infra";
    public static final String ENVIRONMENT = "CATALOG_INFRA";

    /** The mode this JVM runs in. */
    public static InfrastructureMode current() {
        return select(System::getProperty, System::getenv);
    }

    /** The mode the given system properties and environment select; blank or absent means embedded. */
    public static InfrastructureMode select(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String value = properties.apply(PROPERTY);
        String source = "system property " + PROPERTY;
        if (value == null || value.isBlank()) {
            value = environment.apply(ENVIRONMENT);
            source = "environment variable " + ENVIRONMENT;
        }
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is '" + value + "'; use 'embedded' (the default: Kafka and PostgreSQL "
                    + "from Maven Central, no Docker) or 'containers' (Testcontainers, needs a Docker engine)", e);
        }
    }
}
