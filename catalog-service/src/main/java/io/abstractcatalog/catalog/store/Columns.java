package io.abstractcatalog.catalog.store;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.EventJson;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Conversions between columns and the contract's types: {@code timestamptz} and {@link Instant}, the {@code authors}
 * jsonb (read as text) and {@link Author}s.
 */
public final class Columns {

    private Columns() {
    }

    /** The abstract of a work row: null when no member has one (stored as '', see V13 and {@link WorkWriter}). */
    public static String abstractText(ResultSet row, String column) throws SQLException {
        String text = row.getString(column);
        return text == null || text.isEmpty() ? null : text;
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    /** The authors column, read as text ({@code authors::text}): the list the work event carried, in its order. */
    public static List<Author> authors(ResultSet row, String column) throws SQLException {
        String json = row.getString(column);
        return json == null ? List.of() : List.of(EventJson.read(json.getBytes(StandardCharsets.UTF_8), Author[].class));
    }
}
