package io.abstractcatalog.catalog.export;

import io.abstractcatalog.catalog.problem.InvalidParameterException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Chooses between the JSON answer of GET /works and /works/{id} and an export, before JAX-RS picks the method: format=
 * wins over Accept; otherwise the first acceptable type (by quality) that is JSON or an export format, JSON for
 * {@code *}/{@code *} or no Accept at all. The choice is written back as the request's only Accept, so exactly one
 * method produces it; an Accept naming none of them is a 406 problem listing the types there are.
 */
public class ExportNegotiation {

    /** GET /works and /works/{id}; not /works/{id}/sources nor /works/{kind}:{value} (a work id holds no colon). */
    private static final Pattern EXPORTABLE = Pattern.compile("/works(/[^/:]+)?/?");

    @ServerRequestFilter(preMatching = true)
    public void negotiate(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                || !EXPORTABLE.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        if (format != null && !format.isBlank()) {
            MediaType chosen = format.strip().equalsIgnoreCase(ExportFormat.JSON_TOKEN) ? MediaType.APPLICATION_JSON_TYPE
                    : ExportFormat.byToken(format).map(ExportFormat::mediaType).orElseThrow(() ->
                    new InvalidParameterException("format", "format '" + brief(format) + "' is not one this service "
                            + "writes. Use one of " + ExportFormat.tokens() + " (or leave format out and send Accept)."));
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, chosen.toString());
            return;
        }
        for (MediaType acceptable : request.getAcceptableMediaTypes()) {
            MediaType chosen = choice(acceptable);
            if (chosen != null) {
                request.getHeaders().putSingle(HttpHeaders.ACCEPT, chosen.toString());
                return;
            }
        }
        // Decided here rather than by JAX-RS, which would hand such a request to one of the methods anyway.
        throw new UnacceptableTypeException(String.join(", ", request.getHeaders().get(HttpHeaders.ACCEPT)));
    }

    /** The type an acceptable (possibly wildcard) type selects: JSON first, then the formats in their order. */
    static MediaType choice(MediaType acceptable) {
        if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return MediaType.APPLICATION_JSON_TYPE;
        }
        for (ExportFormat exportFormat : ExportFormat.values()) {
            if (acceptable.isCompatible(exportFormat.mediaType())) {
                return exportFormat.mediaType();
            }
        }
        return null;
    }

    private static String brief(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
