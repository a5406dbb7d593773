package io.abstractcatalog.contract.http;

import java.util.List;

/**
 * The envelope of every list answer of every service: {@code {"meta": {...}, "results": [...]}}. A list may add
 * members of its own beside these two (the works search adds {@code groups}), never rename them.
 */
public record Listing<T>(ListMeta meta, List<T> results) {

    /** A list answered whole, on one page. */
    public static <T> Listing<T> whole(List<T> results) {
        return new Listing<>(ListMeta.whole(results.size()), List.copyOf(results));
    }
}
