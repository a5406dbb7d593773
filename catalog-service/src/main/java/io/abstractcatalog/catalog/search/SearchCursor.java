package io.abstractcatalog.catalog.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.abstractcatalog.catalog.problem.InvalidParameterException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the previous page ended: the sort key of its last row, the sort, and a fingerprint of q and the filters.
 * Keyset paging stays correct and fast however deep the client pages: rows inserted, updated or deleted meanwhile
 * never make a page repeat or skip a row that did not change (a row whose sort key changed moves to its new place).
 * The sort and fingerprint let the service refuse a cursor reused with a different query, which would otherwise give
 * a well-defined but meaningless page. Opaque to clients (base64url of a small JSON object).
 *
 * @param sort        the sort token of the request that issued the cursor
 * @param fingerprint {@link SearchRequest#fingerprint()} of that request
 * @param key         the last row's sort key: rank (a float), updated_at (an instant), title key (text) or year key
 * @param workId      the last row's id, the tie-break of every order
 */
public record SearchCursor(@JsonProperty("s") String sort, @JsonProperty("f") String fingerprint,
                           @JsonProperty("k") String key, @JsonProperty("id") String workId) {

    static final int MAX_LENGTH = 2000;
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    float rank() {
        return Float.parseFloat(key);
    }

    Instant updatedAt() {
        return Instant.parse(key);
    }

    int year() {
        return Integer.parseInt(key);
    }

    /** Decodes and checks a cursor against the request it is used with; every failure is a 400 naming cursor. */
    static SearchCursor decode(String token, SearchSort sort, String fingerprint) {
        if (token.length() > MAX_LENGTH) {
            throw malformed();
        }
        SearchCursor cursor;
        try {
            cursor = JSON.readValue(Base64.getUrlDecoder().decode(token), SearchCursor.class);
        } catch (IllegalArgumentException | IOException e) {
            throw malformed();
        }
        if (cursor == null || cursor.sort == null || cursor.fingerprint == null || cursor.key == null
                || cursor.workId == null || cursor.workId.isEmpty() || cursor.workId.indexOf('\0') >= 0
                || cursor.key.indexOf('\0') >= 0) {
            throw malformed();
        }
        if (!cursor.sort.equals(sort.token()) || !cursor.fingerprint.equals(fingerprint)) {
            throw new InvalidParameterException("cursor", "This cursor belongs to a different query: q, the filters "
                    + "or sort changed since it was issued. Repeat the request that returned it with only cursor "
                    + "added (limit, select and group_by may change), or leave cursor out to start from the first page.");
        }
        if (!plausible(cursor, sort)) {
            throw malformed();
        }
        return cursor;
    }

    /** Keeps hand-made keys from reaching SQL, where e.g. a year beyond PostgreSQL's range would be a 500. */
    private static boolean plausible(SearchCursor cursor, SearchSort sort) {
        try {
            return switch (sort) {
                case RELEVANCE -> Float.isFinite(cursor.rank()) && cursor.rank() >= 0;
                case UPDATED, UPDATED_DESC -> !cursor.updatedAt().isBefore(EARLIEST) && !cursor.updatedAt().isAfter(LATEST);
                case TITLE, TITLE_DESC -> cursor.key.length() <= 200;
                case YEAR, YEAR_DESC -> cursor.year() >= 0 && cursor.year() <= Short.MAX_VALUE;
            };
        } catch (NumberFormatException | DateTimeException e) {
            return false;
        }
    }

    private static InvalidParameterException malformed() {
        return new InvalidParameterException("cursor",
                "cursor is not one this service issued. Pass the nextCursor of the previous page unchanged, "
                        + "or leave cursor out to start from the first page.");
    }
}
