package io.abstractcatalog.loadtest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** ingest-service's file ledger ({@code GET /files}): how many files are done and with how many records. */
final class IngestLedger {

    record Totals(int done, int failed, long records, long rejections) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    IngestLedger(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Totals totals() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/files"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            int done = 0;
            int failed = 0;
            long records = 0;
            long rejections = 0;
            for (JsonNode entry : JSON.readTree(response.body()).path("results")) {
                String status = entry.path("status").asText();
                done += status.equals("DONE") ? 1 : 0;
                failed += status.equals("FAILED") ? 1 : 0;
                records += entry.path("records").asLong();
                rejections += entry.path("rejections").asLong();
            }
            return new Totals(done, failed, records, rejections);
        } catch (IOException e) {
            throw new UncheckedIOException("GET /files failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
