package io.abstractcatalog.catalog.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.abstractcatalog.catalog.problem.InvalidParameterException;
import io.abstractcatalog.catalog.search.EveryMatch;
import io.abstractcatalog.catalog.search.SearchRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * GET /works as a download of every matching work (not a page) in BibTeX, RIS, CSV, JSON Lines or CSL-JSON, chosen
 * by Accept or format= ({@link ExportNegotiation}); the same q, filters and sort as the JSON answer, which stays the
 * default. Rows stream from PostgreSQL to the client ({@link EveryMatch}), so memory stays flat at any size.
 */
@Path("/works")
public class WorksExportResource {

    private final EveryMatch matches;
    private final ExportSettings settings;
    private final ObjectMapper json;

    WorksExportResource(EveryMatch matches, ExportSettings settings, ObjectMapper json) {
        this.matches = matches;
        this.settings = settings;
        this.json = json;
    }

    @GET
    @Produces({ExportFormat.BIBTEX_TYPE, ExportFormat.RIS_TYPE, ExportFormat.CSV_TYPE, ExportFormat.JSON_LINES_TYPE,
            ExportFormat.CSL_JSON_TYPE})
    public Response export(@Context HttpHeaders headers,
                           @QueryParam("q") String q, @QueryParam("affiliation") String affiliation,
                           @QueryParam("source") String source, @QueryParam("has_duplicates") String hasDuplicates,
                           @QueryParam("doi") String doi, @QueryParam("author") String author,
                           @QueryParam("venue") String venue, @QueryParam("pmid") String pmid,
                           @QueryParam("year") String year, @QueryParam("sort") String sort,
                           @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                           @QueryParam("select") String select, @QueryParam("group_by") String groupBy) {
        // Page parameters would silently mean something else in an export (every match, every field): a 400 says so.
        notForExport("limit", limit);
        notForExport("cursor", cursor);
        notForExport("select", select);
        notForExport("group_by", groupBy);
        SearchRequest request = SearchRequest.of(q, affiliation, source, hasDuplicates, doi, author, venue, pmid, year,
                sort, null, null, null, null);
        ExportFormat format = WorkStream.format(headers);
        return WorkStream.of(format, "works", json,
                writer -> matches.forEach(request, settings.fetchSize(), writer::write));
    }

    private static void notForExport(String name, String value) {
        if (value != null && !value.isBlank()) {
            throw new InvalidParameterException(name, name + " does not apply to an export, which holds every field "
                    + "of every work matching q and the filters, in the order of sort. Leave " + name + " out.");
        }
    }
}
