package io.abstractcatalog.contract.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * A request line or a declared body over the service's limits is answered here, first of all routes, with a problem:
 * Vert.x itself would answer 414 (and Quarkus 413) with an empty body, and gives no hook to change that. So the
 * services set Vert.x's own line limit ({@code quarkus.http.limits.max-initial-line-length}) well above
 * {@code http.max-uri-length}, and the URI limit is enforced here; a line longer still gets Vert.x's bare 414.
 */
@Singleton
public class RequestLimits {

    /** Longest request URI (path and query) served, in characters. */
    static final String MAX_URI_LENGTH = "http.max-uri-length";
    static final int DEFAULT_MAX_URI_LENGTH = 20_000;
    private static final String MAX_BODY_SIZE = "quarkus.http.limits.max-body-size";
    /** Quarkus's own default of {@value #MAX_BODY_SIZE}. */
    private static final long DEFAULT_MAX_BODY_SIZE = 10_240 * 1024L;

    private final ObjectMapper json;
    private final int maxUriLength;
    private final long maxBodySize;

    RequestLimits(ObjectMapper json, Config config) {
        this.json = json;
        this.maxUriLength = config.getOptionalValue(MAX_URI_LENGTH, Integer.class).orElse(DEFAULT_MAX_URI_LENGTH);
        this.maxBodySize = config.getOptionalValue(MAX_BODY_SIZE, MemorySize.class).map(MemorySize::asLongValue)
                .orElse(DEFAULT_MAX_BODY_SIZE);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxUriLength) {
            refuse(context, ProblemType.URI_TOO_LONG, "The request URI is " + request.uri().length()
                    + " characters long; this service takes at most " + maxUriLength + ". Shorten the query "
                    + "(a search's q is at most 500 characters).");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodySize) {
            refuse(context, ProblemType.CONTENT_TOO_LARGE, "The body is " + length + " bytes; this service takes at "
                    + "most " + maxBodySize + " (" + MAX_BODY_SIZE + ").");
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, ProblemType type, String detail) {
        String path = context.request().path();
        Problem problem = Problem.of(type, detail, path == null || path.length() > 200 ? null : path);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The body is not read: close the connection after the answer, as Vert.x does for a request it refuses,
        // rather than wait for bytes that may never be wanted.
        context.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body)
                .onComplete(sent -> context.request().connection().close());
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x answers a malformed length itself
        }
    }
}
