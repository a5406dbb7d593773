package io.abstractcatalog.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.abstractcatalog.contract.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a user of the services' REST APIs does, in a few calls (the catalog's; also the ingest ledger's GETs). */
final class CatalogClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    CatalogClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    JsonNode get(String pathAndQuery) {
        try {
            return EventJson.MAPPER.readTree(text(pathAndQuery));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of a GET answered 200, as text (a page of the search UI, an export). */
    String text(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every work matching the query string, following the cursor through all pages. */
    List<JsonNode> allWorks(String query) {
        List<JsonNode> works = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/works?limit=100" + (query.isEmpty() ? "" : "&" + query)
                    + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            page.get("results").forEach(works::add);
            cursor = page.path("meta").path("nextCursor").isTextual() ? page.get("meta").get("nextCursor").asText() : null;
        } while (cursor != null);
        return works;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
