package io.abstractcatalog.contract.http;

/**
 * Every kind of error the three services answer, with its type URI, title and status. The URIs are URNs
 * ({@code urn:abstract-catalog:problem:<slug>}): stable names a client can switch on that do not pretend to be a
 * page someone can open (RFC 9457 allows any URI; {@code about:blank} would say no more than the status).
 */
public enum ProblemType {
    INVALID_PARAMETER("invalid-parameter", "Invalid parameter", 400),
    UNKNOWN_PARAMETER("unknown-parameter", "Unknown parameter", 400),
    BAD_REQUEST("bad-request", "Bad request", 400),
    UNAUTHORIZED("unauthorized", "Unauthorized", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    NOT_FOUND("not-found", "Not found", 404),
    WORK_NOT_FOUND("work-not-found", "Work not found", 404),
    FILE_NOT_FOUND("file-not-found", "File not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    CONTENT_TOO_LARGE("content-too-large", "Content too large", 413),
    URI_TOO_LONG("uri-too-long", "URI too long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    HEADERS_TOO_LARGE("headers-too-large", "Request header fields too large", 431),
    INTERNAL_ERROR("internal-error", "Internal error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503);

    public static final String PREFIX = "urn:abstract-catalog:problem:";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The general type of an HTTP error status, for errors the framework raises (unknown path, wrong method…). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != INVALID_PARAMETER && type != UNKNOWN_PARAMETER
                    && type != WORK_NOT_FOUND && type != FILE_NOT_FOUND) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
