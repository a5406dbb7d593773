package io.abstractcatalog.catalog.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.abstractcatalog.catalog.problem.WorkNotFoundException;
import io.abstractcatalog.catalog.search.WorkSummary;
import io.abstractcatalog.catalog.work.WorkDetail;
import io.abstractcatalog.catalog.work.WorkLookup;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.abstractcatalog.contract.http.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;

/**
 * GET /works/{id} as a download in one of the export formats (chosen as for GET /works); a merged id answers 301 to
 * its survivor as the JSON answer does, with the query (format=) kept, so following it gives the same format.
 */
@Path("/works/{id}")
@Tag(name = "Works")
public class WorkExportResource {

    private final WorkLookup lookup;
    private final ObjectMapper json;

    WorkExportResource(WorkLookup lookup, ObjectMapper json) {
        this.lookup = lookup;
        this.json = json;
    }

    @GET
    @Produces({ExportFormat.BIBTEX_TYPE, ExportFormat.RIS_TYPE, ExportFormat.CSV_TYPE, ExportFormat.JSON_LINES_TYPE,
            ExportFormat.CSL_JSON_TYPE})
    @Operation(summary = "Export one work",
            description = "The work as a download in the format chosen as for GET /works (format= or Accept), named "
                    + "after the work id (w-….bib). A merged id answers 301 to the survivor with the query kept, so "
                    + "the redirect gives the same format. Example: /works/w-6c1e903906ab9b77df66?format=ris")
    @APIResponse(responseCode = "200", description = "The work in the chosen format",
            content = {
                    @Content(mediaType = ExportFormat.BIBTEX_TYPE, example = WorksExportResource.BIBTEX_EXAMPLE),
                    @Content(mediaType = ExportFormat.RIS_TYPE, example = WorksExportResource.RIS_EXAMPLE),
                    @Content(mediaType = ExportFormat.CSV_TYPE),
                    @Content(mediaType = ExportFormat.JSON_LINES_TYPE),
                    @Content(mediaType = ExportFormat.CSL_JSON_TYPE)})
    @APIResponse(responseCode = "301", description = "The work was merged into another",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The survivor's path with the same query"))
    @APIResponse(responseCode = "404", description = "No work has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Accept names neither JSON nor an export format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@Context HttpHeaders headers, @Context UriInfo uri,
                           @Parameter(description = "Work id") @PathParam("id") String id,
                           @Parameter(description = "The export format, overriding Accept: json (default), bibtex, "
                                   + "ris, csv, jsonl, csl-json.") @QueryParam("format") String format)
            throws SQLException {
        // format= itself was read before matching (ExportNegotiation), which wrote it into Accept.
        ExportFormat chosen = WorkStream.format(headers);
        Optional<WorkDetail> found = lookup.find(id);
        if (found.isEmpty()) {
            String survivor = lookup.survivorOf(id).orElseThrow(() -> new WorkNotFoundException(id));
            String query = uri.getRequestUri().getRawQuery();
            String path = "/works/" + URLEncoder.encode(survivor, StandardCharsets.UTF_8).replace("+", "%20")
                    + (query == null ? "" : "?" + query);
            return Response.status(Response.Status.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, path)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        WorkDetail work = found.get();
        WorkSummary summary = new WorkSummary(work.workId(), work.title(), work.abstractText(),
                work.abstractText() != null, work.authors(),
                work.venue(), work.url(), work.affiliations(), work.identifiers(), work.memberCount(), work.year(),
                work.firstSeen(), work.updatedAt(), null, null, null);
        return WorkStream.of(chosen, work.workId(), json, WorkStream.of(summary));
    }
}
