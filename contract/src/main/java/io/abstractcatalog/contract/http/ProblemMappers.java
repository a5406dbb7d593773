package io.abstractcatalog.contract.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one exception-mapper family of every service: every error leaves as {@code application/problem+json}, whether
 * it is ours ({@link ProblemException}), the framework's (unknown path, wrong method, an Accept it cannot serve (406),
 * a body type it does not take (415)…) or a bug (500, details logged, not leaked). A resource may map an exception of
 * its own more specifically (ingest answers an unreachable bucket with 503).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return answer(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse(); // a redirect thrown as an exception is an answer, not an error
        }
        return answer(Problem.of(ProblemType.forStatus(status), detail(status, e), path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure serving %s", path(uri));
        return answer(Problem.of(ProblemType.INTERNAL_ERROR,
                "The service failed unexpectedly; the failure is logged. Retry later, and report it if it persists.",
                path(uri)));
    }

    public static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** What the framework's message leaves unsaid: what the client can change. */
    private static String detail(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "There is nothing at this path. The service's endpoints are listed in its OpenAPI document "
                    + "at /q/openapi (browsable at /q/swagger-ui).";
            case 405 -> e.getMessage() + ". The methods each path takes are listed at /q/openapi.";
            case 406 -> "This endpoint cannot answer in any media type the Accept header allows. Send Accept: "
                    + "application/json (or leave Accept out); /q/openapi lists what each endpoint produces.";
            case 415 -> "This endpoint does not take a body of this Content-Type; /q/openapi lists what each endpoint "
                    + "consumes.";
            default -> e.getMessage();
        };
    }

    static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
