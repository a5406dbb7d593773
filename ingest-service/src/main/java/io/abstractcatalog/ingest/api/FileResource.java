package io.abstractcatalog.ingest.api;

import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.ingest.bucket.Bucket;
import io.abstractcatalog.ingest.ledger.FileLedger;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The file ledger of this service's bucket: what was ingested, what failed and why. */
@Path("/files")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "files", description = "The file ledger")
public class FileResource {

    private final FileLedger ledger;
    private final Bucket bucket;

    public FileResource(FileLedger ledger, Bucket bucket) {
        this.ledger = ledger;
        this.bucket = bucket;
    }

    @GET
    @Operation(summary = "Every file of the bucket the ledger knows, in key order")
    public List<FileLedgerEntry> list() {
        return ledger.entries(bucket.name());
    }

    @GET
    @Path("{key: .+}")
    @Operation(summary = "One file's ledger entry; the key may contain '/' for files in sub-folders")
    @APIResponse(responseCode = "200", description = "The file's entry")
    @APIResponse(responseCode = "404", description = "The ledger does not know this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FileLedgerEntry get(@PathParam("key") String key) {
        return ledger.find(bucket.name(), key).orElseThrow(() -> new UnknownFileException(bucket.name(), key));
    }

    @ServerExceptionMapper
    RestResponse<Problem> unknownFile(UnknownFileException e) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.NOT_FOUND, Problem.notFound(e.getMessage()))
                .type(Problem.MEDIA_TYPE)
                .build();
    }
}
