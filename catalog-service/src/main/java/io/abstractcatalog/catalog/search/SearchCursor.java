package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.problem.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the previous page ended: the sort key of its last row. Keyset paging stays correct and fast however deep the
 * client pages, and rows inserted meanwhile never shift a page the way an offset would. Opaque to clients
 * (base64url), so the encoding can change without breaking anyone who treats it as a token.
 */
sealed interface SearchCursor {

    int MAX_LENGTH = 1000;
    Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    String workId();

    String encode();

    /** After a full-text page: rank descending, then work id. */
    record ByRank(float rank, String workId) implements SearchCursor {
        @Override
        public String encode() {
            return SearchCursor.encode("r|" + rank + "|" + workId);
        }
    }

    /** After a listing page: newest update first, then work id. */
    record ByUpdate(Instant updatedAt, String workId) implements SearchCursor {
        @Override
        public String encode() {
            return SearchCursor.encode("u|" + updatedAt + "|" + workId);
        }
    }

    static SearchCursor decode(String token) {
        if (token.length() > MAX_LENGTH) {
            throw malformed();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        // The id comes last, so a '|' inside an id cannot confuse the split.
        String[] parts = text.split("\\|", 3);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw malformed();
        }
        try {
            SearchCursor cursor = switch (parts[0]) {
                case "r" -> new ByRank(Float.parseFloat(parts[1]), parts[2]);
                case "u" -> new ByUpdate(Instant.parse(parts[1]), parts[2]);
                default -> throw malformed();
            };
            if (!plausible(cursor)) {
                throw malformed();
            }
            return cursor;
        } catch (NumberFormatException | DateTimeException e) {
            throw malformed();
        }
    }

    /** Keeps hand-made keys from reaching SQL, where e.g. a year beyond PostgreSQL's range would be a 500. */
    private static boolean plausible(SearchCursor cursor) {
        if (cursor instanceof ByRank byRank) {
            return Float.isFinite(byRank.rank()) && byRank.rank() >= 0;
        }
        Instant at = ((ByUpdate) cursor).updatedAt();
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidParameterException malformed() {
        return new InvalidParameterException("cursor",
                "cursor is not one this service issued. Pass the nextCursor of the previous page unchanged, "
                        + "or leave cursor out to start from the first page.");
    }
}
