package io.abstractcatalog.catalog.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search page's parameters in force (query, filters, sort), in a fixed order so that every link the page makes
 * for the same state is the same URL.
 */
final class SearchState {

    private final Map<String, String> parameters = new LinkedHashMap<>();

    /** Keeps a parameter when it has a value; blank ones are left out, as if absent. */
    SearchState put(String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, value.strip());
        }
        return this;
    }

    String get(String name) {
        return parameters.get(name);
    }

    Iterable<Map.Entry<String, String>> entries() {
        return parameters.entrySet();
    }

    /** The page URL for this state. */
    String href() {
        return href(null, null);
    }

    /** The page URL for this state with one parameter set, or removed when value is null. */
    String href(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(parameters);
        if (name != null) {
            next.remove(name);
            if (value != null) {
                next.put(name, value);
            }
        }
        StringBuilder url = new StringBuilder("/");
        String separator = "?";
        for (Map.Entry<String, String> entry : next.entrySet()) {
            url.append(separator).append(entry.getKey()).append('=').append(encode(entry.getValue()));
            separator = "&";
        }
        return url.toString();
    }

    /** GET /works for this state (its parameters are the API's) as a download in an export format. */
    String exportHref(String format) {
        StringBuilder url = new StringBuilder("/works?");
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            url.append(entry.getKey()).append('=').append(encode(entry.getValue())).append('&');
        }
        return url.append("format=").append(encode(format)).toString();
    }

    /** The page URL for the next page of results: this state, the cursor and the page number shown. */
    String nextPageHref(String cursor, int pageNumber) {
        SearchState next = new SearchState();
        next.parameters.putAll(parameters);
        next.put("cursor", cursor).put("page", Integer.toString(pageNumber));
        return next.href();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
