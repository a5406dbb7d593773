package io.abstractcatalog.loadtest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The catalog's REST API, as the benchmark asks it: /stats and the works of one file. */
public final class CatalogApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public CatalogApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Stats(long works, long records, long worksWithDuplicates, long files, long redirects) {
    }

    public Stats stats() {
        JsonNode stats = get("/stats");
        return new Stats(stats.path("works").asLong(), stats.path("records").asLong(),
                stats.path("worksWithDuplicates").asLong(), stats.path("files").asLong(), stats.path("redirects").asLong());
    }

    /** Works with a record from the file {@code key} (first page of at most 100: probe files are smaller). */
    public int worksFromFile(String key) {
        return get("/works?limit=100&source=" + URLEncoder.encode(key, StandardCharsets.UTF_8)).path("results").size();
    }

    private JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
