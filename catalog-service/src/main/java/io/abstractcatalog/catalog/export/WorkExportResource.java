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
    public Response export(@Context HttpHeaders headers, @Context UriInfo uri, @PathParam("id") String id)
            throws SQLException {
        ExportFormat format = WorkStream.format(headers);
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
        WorkSummary summary = new WorkSummary(work.workId(), work.title(), work.abstractText(), work.authors(),
                work.venue(), work.url(), work.affiliations(), work.identifiers(), work.memberCount(), work.year(),
                work.firstSeen(), work.updatedAt(), null, null, null);
        return WorkStream.of(format, work.workId(), json, WorkStream.of(summary));
    }
}
