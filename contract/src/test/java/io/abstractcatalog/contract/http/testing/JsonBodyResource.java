package io.abstractcatalog.contract.http.testing;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test sources only (contract's test-jar, which each service's tests index): an endpoint that takes a JSON body, so
 * a request with another Content-Type, or with a body over the limit, shows what the service answers (415, 413),
 * whether or not the service's own endpoints take a body.
 */
@Path(JsonBodyResource.PATH)
public class JsonBodyResource {

    public static final String PATH = "/test-only/json-body";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public void take(String body) {
    }
}
