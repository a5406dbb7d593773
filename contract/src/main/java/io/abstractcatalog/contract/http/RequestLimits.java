package io.abstractcatalog.contract.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jboss.resteasy.reactive.server.vertx.VertxInputStream;

/**
 * A request line, a header block or a declared body over the service's limits ({@link HttpLimits}) is answered here,
 * first of all routes, with a problem. Vert.x refuses a line or a header block over its own limits in its decoder,
 * with an empty 414 or 431, and Quarkus 3.33 gives no hook to change that answer (Vert.x's invalidRequestHandler is
 * not exposed: quarkusio/quarkus#55082). So Vert.x's limits are raised here to {@link #VERTX_CEILING}, far above
 * ours, and ours are enforced in a route where the answer can carry a body; only a request past the ceiling still
 * gets Vert.x's bare answer.
 */
@Singleton
public class RequestLimits implements HttpServerOptionsCustomizer {

    /** Vert.x's own limits on the request line and on the header block, in bytes: far above ours, still bounded. */
    static final int VERTX_CEILING = 1024 * 1024;
    private static final String MAX_BODY_SIZE = "quarkus.http.limits.max-body-size";

    private final ObjectMapper json;
    private final HttpLimits limits;
    private final long maxBodySize;

    RequestLimits(ObjectMapper json, HttpLimits limits, Config config) {
        this.json = json;
        this.limits = limits;
        this.maxBodySize = config.getValue(MAX_BODY_SIZE, MemorySize.class).asLongValue();
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setMaxInitialLineLength(Math.max(options.getMaxInitialLineLength(), VERTX_CEILING));
        options.setMaxHeaderSize(Math.max(options.getMaxHeaderSize(), VERTX_CEILING));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
        // Quarkus's own body-limit route (just before) hands the limit to Quarkus REST's input stream, which answers
        // a chunked body past it with an empty 413; BodyLimit counts the body instead and answers with a problem.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1)
                .handler(context -> {
                    context.remove(VertxInputStream.MAX_REQUEST_SIZE_KEY);
                    context.next();
                });
    }

    long maxBodySize() {
        return maxBodySize;
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > limits.maxUriLength()) {
            refuse(context, ProblemType.URI_TOO_LONG, "The request URI is " + request.uri().length()
                    + " characters long; this service takes at most " + limits.maxUriLength() + " (http.max-uri-length)."
                    + " Shorten the query (a search's q is at most 500 characters).");
            return;
        }
        long headerSize = headerSize(request);
        if (headerSize > limits.maxHeaderSize().asLongValue()) {
            refuse(context, ProblemType.HEADERS_TOO_LARGE, "The request's headers take " + headerSize + " bytes; this "
                    + "service takes at most " + limits.maxHeaderSize().asLongValue() + " (http.max-header-size).");
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

    /** The header block as sent: each line's name, value, ": " and CRLF. */
    private static long headerSize(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
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
