package io.abstractcatalog.dedup.status;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test sources only: an endpoint that takes a JSON body, so a request with another Content-Type shows what the
 * service answers for a 415 (dedup's own endpoints take no body).
 */
@Path(JsonBodyResource.PATH)
public class JsonBodyResource {

    static final String PATH = "/test-only/json-body";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public void take(String body) {
    }
}
