package io.abstractcatalog.ingest.api;

/** An error body as RFC 9457 describes it, sent as {@code application/problem+json}. */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem notFound(String detail) {
        return new Problem("about:blank", "Not Found", 404, detail);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }
}
