package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.problem.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/works")
@Tag(name = "Works", description = "Search and read the de-duplicated works")
public class WorksResource {

    private final WorkSearch search;

    WorksResource(WorkSearch search) {
        this.search = search;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search or list works",
            description = "With q, a full-text search over titles (weighted higher) and abstracts, best match first. "
                    + "Without q, every work, most recently updated first. Pages are walked with nextCursor.")
    @APIResponse(responseCode = "200", description = "A page of works",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; detail says which and how to fix it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkPage search(
            @Parameter(description = "Full-text query in web-search syntax: words, \"quoted phrases\", or, -excluded. "
                    + "English stemming, so 'networks' finds 'network'. At most 500 characters.",
                    example = "sum-product networks")
            @QueryParam("q") String q,
            @Parameter(description = "Only works with this affiliation (exact, any case).",
                    example = "The University of Tokyo")
            @QueryParam("affiliation") String affiliation,
            @Parameter(description = "Page size, 1 to 100.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page, unchanged, with the same q and affiliation.")
            @QueryParam("cursor") String cursor) throws SQLException {
        return search.search(SearchRequest.of(q, affiliation, limit, cursor));
    }
}
