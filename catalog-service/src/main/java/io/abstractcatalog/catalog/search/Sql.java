package io.abstractcatalog.catalog.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * SQL text with its bind values, built together: each piece of text comes with the values of its own {@code ?}
 * placeholders, so a statement's values cannot drift out of step with its text however its parts are assembled.
 */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> binds = new ArrayList<>();

    /** A statement or fragment starting with this text and the values of its placeholders. */
    static Sql of(String text, Object... binds) {
        return new Sql().append(text, binds);
    }

    /**
     * Appends text and the values of its placeholders, in order. An array value is one value (pass it as
     * {@code (Object) array}). A count that does not match the text's placeholders is a programming error.
     */
    Sql append(String fragment, Object... values) {
        int placeholders = 0;
        for (int i = 0; i < fragment.length(); i++) {
            placeholders += fragment.charAt(i) == '?' ? 1 : 0;
        }
        if (placeholders != values.length) {
            throw new IllegalArgumentException(values.length + " values for " + placeholders + " placeholders in: "
                    + fragment);
        }
        text.append(fragment);
        binds.addAll(Arrays.asList(values));
        return this;
    }

    /** Appends another fragment, its values after those already here. */
    Sql append(Sql fragment) {
        text.append(fragment.text);
        binds.addAll(fragment.binds);
        return this;
    }

    /** An instant as a bind value: timestamptz in UTC. */
    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    String text() {
        return text.toString();
    }

    List<Object> binds() {
        return Collections.unmodifiableList(binds);
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < binds.size(); i++) {
            statement.setObject(i + 1, binds.get(i));
        }
        return statement;
    }

    @Override
    public String toString() {
        return text + " " + binds;
    }
}
