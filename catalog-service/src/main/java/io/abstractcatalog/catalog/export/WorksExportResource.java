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
import io.abstractcatalog.contract.http.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * GET /works as a download of every matching work (not a page) in BibTeX, RIS, CSV, JSON Lines or CSL-JSON, chosen
 * by Accept or format= ({@link ExportNegotiation}); the same q, filters and sort as the JSON answer, which stays the
 * default. Rows stream from PostgreSQL to the client ({@link EveryMatch}), so memory stays flat at any size.
 */
@Path("/works")
@Tag(name = "Works")
public class WorksExportResource {

    static final String BIBTEX_EXAMPLE = """
            % Encoding: UTF-8

            @article{bao2017leucocyte-6c1e9039,
              author = {Bao, Ying and Prescott, Jennifer},
              title = {{Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.}},
              journal = {Gut},
              year = {2017},
              doi = {10.1136/gutjnl-2016-312510},
              pmid = {27797938},
              pmcid = {PMC5442267},
              abstract = {Telomere shortening occurs as an early event in pancreatic tumorigenesis…}
            }
            """;
    static final String RIS_EXAMPLE = """
            TY  - JOUR
            ID  - w-6c1e903906ab9b77df66
            TI  - Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.
            AU  - Bao, Ying
            AU  - Prescott, Jennifer
            PY  - 2017
            T2  - Gut
            AB  - Telomere shortening occurs as an early event in pancreatic tumorigenesis…
            DO  - 10.1136/gutjnl-2016-312510
            UR  - https://pubmed.ncbi.nlm.nih.gov/27797938/
            AN  - 27797938
            ER  -\s
            """;
    static final String CSV_EXAMPLE = """
            work_id,title,authors,year,venue,doi,arxiv,pmid,pmcid,url,abstract,affiliations,member_count,first_seen,updated_at
            w-6c1e903906ab9b77df66,"Leucocyte telomere length, genetic variants…","Bao, Ying; Prescott, Jennifer",2017,Gut,\
            10.1136/gutjnl-2016-312510,,27797938,PMC5442267,,"Telomere shortening…",,1,2026-12-05T10:00:00Z,2026-12-05T10:00:00Z
            """;

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
    @Operation(summary = "Export every work a search matches",
            description = "The same q, filters and sort as the JSON page, but every matching work (not a page, no "
                    + "rank window: sort=relevance ranks them all), streamed as it is read, as a download "
                    + "(Content-Disposition: attachment; filename=works.<ext>). The format is chosen by format= "
                    + "(json, bibtex, ris, csv, jsonl, csl-json; it wins over Accept) or by Accept: "
                    + "application/x-bibtex, application/x-research-info-systems, text/csv, application/x-ndjson, "
                    + "application/vnd.citationstyles.csl+json; JSON (the page) stays the default. limit, cursor, "
                    + "select and group_by do not apply (400). Example: /works?author=hinton&sort=-year&format=bibtex")
    @APIResponse(responseCode = "200", description = "Every matching work in the chosen format",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"works.bib\" (.ris, "
                    + ".csv, .jsonl, .json)"),
            content = {
                    @Content(mediaType = ExportFormat.BIBTEX_TYPE, example = BIBTEX_EXAMPLE),
                    @Content(mediaType = ExportFormat.RIS_TYPE, example = RIS_EXAMPLE),
                    @Content(mediaType = ExportFormat.CSV_TYPE, example = CSV_EXAMPLE),
                    @Content(mediaType = ExportFormat.JSON_LINES_TYPE),
                    @Content(mediaType = ExportFormat.CSL_JSON_TYPE)})
    @APIResponse(responseCode = "400", description = "A parameter is invalid (format=, a filter, or a page parameter)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Accept names neither JSON nor an export format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@Context HttpHeaders headers,
                           @QueryParam("q") String q, @QueryParam("affiliation") String affiliation,
                           @QueryParam("source") String source, @QueryParam("has_duplicates") String hasDuplicates,
                           @QueryParam("has_abstract") String hasAbstract, @QueryParam("doi") String doi, @QueryParam("author") String author,
                           @QueryParam("venue") String venue, @QueryParam("pmid") String pmid,
                           @QueryParam("year") String year, @QueryParam("sort") String sort,
                           @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                           @QueryParam("select") String select, @QueryParam("group_by") String groupBy,
                           @Parameter(description = "The export format, overriding Accept: json (the page, default), "
                                   + "bibtex, ris, csv, jsonl, csl-json.", schema = @Schema(type = SchemaType.STRING,
                                   enumeration = {"json", "bibtex", "ris", "csv", "jsonl", "csl-json"}))
                           @QueryParam("format") String format) {
        // Page parameters would silently mean something else in an export (every match, every field): a 400 says so.
        notForExport("limit", limit);
        notForExport("cursor", cursor);
        notForExport("select", select);
        notForExport("group_by", groupBy);
        SearchRequest request = SearchRequest.of(q, affiliation, source, hasDuplicates, hasAbstract, doi, author, venue,
                pmid, year, sort, null, null, null, null);
        // format= itself was read before matching (ExportNegotiation), which wrote it into Accept.
        ExportFormat chosen = WorkStream.format(headers);
        return WorkStream.of(chosen, "works", json,
                writer -> matches.forEach(request, settings.fetchSize(), writer::write));
    }

    private static void notForExport(String name, String value) {
        if (value != null && !value.isBlank()) {
            throw new InvalidParameterException(name, name + " does not apply to an export, which holds every field "
                    + "of every work matching q and the filters, in the order of sort. Leave " + name + " out.");
        }
    }
}
