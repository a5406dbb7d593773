package io.abstractcatalog.catalog.work;

import io.abstractcatalog.contract.http.Problem;
import io.abstractcatalog.catalog.problem.WorkNotFoundException;
import io.abstractcatalog.contract.http.ListMeta;
import io.abstractcatalog.contract.http.Listing;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/works/{id}")
@Tag(name = "Works")
public class WorkResource {

    /** The OpenAPI shape of the sources: the list envelope, every source on one page. */
    @Schema(name = "SourceList", description = "A work's member records (the list envelope; all on one page).")
    record SourceList(ListMeta meta, List<SourceView> results) {
    }

    private final WorkLookup lookup;
    private final MatchLookup matches;

    WorkResource(WorkLookup lookup, MatchLookup matches) {
        this.lookup = lookup;
        this.matches = matches;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read one work", description = "The work with its version and the provenance of every member "
            + "record. A work merged into another answers 301 with the surviving work's location.")
    @APIResponse(responseCode = "200", description = "The work",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkDetail.class)))
    @APIResponse(responseCode = "301", description = "The work was merged into another",
            headers = @Header(name = HttpHeaders.LOCATION, description = "Path of the surviving work, e.g. /works/w-1"))
    @APIResponse(responseCode = "404", description = "No work has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "bibtex, ris, csv, jsonl or "
            + "csl-json: the work in that export format instead of JSON (as the Accept header can ask).",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"bibtex", "ris", "csv", "jsonl", "csl-json"}))
    public Response work(@Parameter(description = "Work id") @PathParam("id") String id) throws SQLException {
        Optional<WorkDetail> work = lookup.find(id);
        if (work.isPresent()) {
            return Response.ok(work.get()).build();
        }
        return movedOrMissing(id, "");
    }

    @GET
    @Path("/sources")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a work's member records",
            description = "Where each record of the work was found: bucket, file, position and content hash.")
    @APIResponse(responseCode = "200", description = "The sources, by file and position",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SourceList.class),
                    examples = @ExampleObject(name = "sources", value = """
                            {"meta":{"count":1,"countKind":"exact","perPage":1,"nextCursor":null},
                             "results":[{"recordId":"r-c17912cbda1c08bc2618b07c","bucket":"local",
                               "key":"000_763c6eb23b8e6730.txt","contentHash":"e6ff849f…","format":"affiliation-page",
                               "ordinal":5,"line":7,"ingestedAt":"2026-11-23T17:12:09.023796Z"}]}""")))
    @APIResponse(responseCode = "301", description = "The work was merged into another",
            headers = @Header(name = HttpHeaders.LOCATION, description = "Path of the surviving work's sources"))
    @APIResponse(responseCode = "404", description = "No work has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sources(@Parameter(description = "Work id") @PathParam("id") String id) throws SQLException {
        Optional<List<SourceView>> sources = lookup.sources(id);
        if (sources.isPresent()) {
            return Response.ok(Listing.whole(sources.get())).build();
        }
        return movedOrMissing(id, "/sources");
    }

    @GET
    @Path("/matches")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Why the work's records are one work",
            description = "The pairs of the work's records that the deduplicator's matcher accepted, each with the rule "
                    + "that decided, the evidence it saw (abstract similarity, titles, shared authors, years, "
                    + "identifiers), the same in plain words, where both records were found, and the matcher version. "
                    + "meta.count counts every accepted pair (a work of n copies may have up to n(n-1)/2); the first 50 "
                    + "by record ids are listed. A work of one record has none; recorded is false for a work last "
                    + "written before the deduplicator published its matches.")
    @APIResponse(responseCode = "200", description = "The accepted pairs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MatchList.class),
                    examples = @ExampleObject(name = "matches", value = """
                            {"meta":{"count":1,"countKind":"exact","perPage":50,"nextCursor":null},
                             "results":[{"recordA":"r-2f0c…","recordB":"r-9a41…",
                               "sourceA":{"recordId":"r-2f0c…","bucket":"local","key":"refs.bib","format":"bibtex",
                                          "ordinal":3,"line":40},
                               "sourceB":{"recordId":"r-9a41…","bucket":"local","key":"export.ris","format":"ris",
                                          "ordinal":0,"line":1},
                               "rule":"SAME_TITLE_AUTHORS",
                               "reason":"The titles and the authors agree, whatever the abstracts say (a cut abstract, a preprint and its published version).",
                               "explanation":["Abstracts: 12% of their word triples shared (Jaccard 0.12); 31% of the shorter one inside the longer.",
                                              "Titles: equal.","Authors: 3 shared (4 and 3 listed).","Years: 2019 and 2020."],
                               "evidence":{"abstractJaccard":0.12,"containment":0.31,"sameOpening":false,
                                           "titleRelation":"EQUAL","titleGeneric":false,"sharedAuthors":3,
                                           "authorsA":4,"authorsB":3,"yearA":2019,"yearB":2020,"sameVenue":false},
                               "matcherVersion":2}],
                             "recorded":true}""")))
    @APIResponse(responseCode = "301", description = "The work was merged into another",
            headers = @Header(name = HttpHeaders.LOCATION, description = "Path of the surviving work's matches"))
    @APIResponse(responseCode = "404", description = "No work has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response matches(@Parameter(description = "Work id") @PathParam("id") String id) throws SQLException {
        Optional<MatchList> found = matches.matches(id);
        if (found.isPresent()) {
            return Response.ok(found.get()).build();
        }
        return movedOrMissing(id, "/matches");
    }

    /**
     * 301 to the survivor of a merge. The Location is a path, as clients resolve it against the request URL; an
     * absolute URL built here would name this pod's host rather than the one the client called through.
     */
    private Response movedOrMissing(String id, String suffix) throws SQLException {
        String survivor = lookup.survivorOf(id).orElseThrow(() -> new WorkNotFoundException(id));
        String path = "/works/" + URLEncoder.encode(survivor, StandardCharsets.UTF_8).replace("+", "%20") + suffix;
        return Response.status(Response.Status.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, path).build();
    }
}
