package io.abstractcatalog.catalog.search;

import io.abstractcatalog.contract.http.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/works")
@Tag(name = "Works", description = "Search and read the de-duplicated works")
public class WorksResource {

    /** The export format, read by the export (see the README); documented here so the parameter check knows it. */
    public static final String FORMAT = "format";

    static final String PAGE_EXAMPLE = """
            {"meta":{"count":1,"countKind":"exact","perPage":20,
              "nextCursor":"eyJzIjoicmVsZXZhbmNlIiwiZiI6IjEyMzQ1Njc4OWFiY2RlZjAiLCJrIjoiMC40MiIsImlkIjoidy0zZjJhIn0"},
             "results":[{"workId":"w-3f2a9c0d1e4b5a6978c0d1e2","title":"Sum-Product Networks: A New Deep Architecture",
              "abstractText":"The key limiting factor in graphical model inference is the partition function…",
              "hasAbstract":true,
              "affiliations":["University of Washington"],"identifiers":{"arxiv":["1202.3732"]},"memberCount":2,
              "year":2012,"firstSeen":"2026-01-05T10:00:00Z","updatedAt":"2026-01-05T10:00:02Z","rank":0.42,
              "snippet":"…inference is the partition function. <mark>Sum</mark>-<mark>product</mark> <mark>networks</mark>…",
              "titleHighlight":"<mark>Sum</mark>-<mark>Product</mark> <mark>Networks</mark>: A New Deep Architecture"}],
             "groups":{"affiliation":{"meta":{"count":1,"countKind":"exact","perPage":20,"nextCursor":null},
                                      "results":[{"key":"University of Washington","count":1}]}}}""";

    static final String UNKNOWN_PARAMETER_EXAMPLE = """
            {"type":"urn:abstract-catalog:problem:unknown-parameter","title":"Unknown parameter","status":400,
             "detail":"'per_page' is not a parameter of /works. Did you mean 'limit'? Known parameters: q, affiliation, source, has_duplicates, doi, author, venue, pmid, year, sort, limit, cursor, select, group_by, format.",
             "instance":"/works","parameter":"per_page","knownParameters":["q","affiliation","source","has_duplicates","doi","author","venue","pmid","year","sort","limit","cursor","select","group_by","format"]}""";

    static final String PROBLEM_EXAMPLE = """
            {"type":"urn:abstract-catalog:problem:invalid-parameter","title":"Invalid parameter","status":400,
             "detail":"'newest' is not a sort order. Use one of relevance, updated, -updated, title, -title (a '-' prefix means descending).",
             "instance":"/works","parameter":"sort"}""";

    private final WorkSearch search;

    WorksResource(WorkSearch search) {
        this.search = search;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search, filter and list works",
            description = "With q, a full-text search over titles (weighted higher) and abstracts, best match first, "
                    + "with highlighted snippets. Relevance is ranked over a bounded window of matches: all of them "
                    + "when few match; when more match than the window (its size is the service's "
                    + "catalog.search.rank-window), the most recently updated that many, and the page then says so in "
                    + "rankWindow (sort=-updated lists every match); a q of three or more plain words (no quotes, - or "
                    + "or) then also ranks as many of the most recent works whose title holds them in a row, however "
                    + "old, so a title typed as words finds its work. Without q, every work, most recently "
                    + "updated first. Filters combine "
                    + "with AND. Pages are walked with nextCursor (keyset paging: correct while works change, as fast "
                    + "on page 1000 as on page 1; cursor=* starts the walk). meta.count says how many works match: "
                    + "exact when the search saw them all or at most a thousand match, else PostgreSQL's estimate "
                    + "(meta.countKind says which). "
                    + "group_by adds facet counts over all matching works. A query parameter the endpoint does not "
                    + "know is a 400 naming the known ones. "
                    + "Example: /works?q=%22sum-product%22%20networks%20-vision&affiliation=University%20of%20Washington"
                    + "&sort=relevance&limit=10&group_by=affiliation,source")
    @APIResponse(responseCode = "200", description = "A page of works",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkPage.class),
                    examples = @ExampleObject(name = "search", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; detail says which and how to fix it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unknown sort", value = PROBLEM_EXAMPLE),
                            @ExampleObject(name = "unknown parameter", value = UNKNOWN_PARAMETER_EXAMPLE)}))
    @Parameter(name = FORMAT, in = ParameterIn.QUERY, description = "bibtex, ris, csv, jsonl or csl-json: the whole "
            + "result set in that export format instead of a JSON page (as the Accept header can ask).",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"bibtex", "ris", "csv", "jsonl", "csl-json"}))
    public WorkPage search(
            @Parameter(description = "Full-text query in web-search syntax: words (all must match), \"quoted phrases\", "
                    + "or (either side), -excluded. English stemming, so 'networks' finds 'network'. Never a syntax "
                    + "error; at most 500 characters.", example = "\"sum-product networks\" or tractable -vision")
            @QueryParam("q") String q,
            @Parameter(description = "Only works with this affiliation (whole name, any case).",
                    example = "The University of Tokyo")
            @QueryParam("affiliation") String affiliation,
            @Parameter(description = "Only works with a record from this file (object key, as in a work's sources) "
                    + "or of this format.", example = "affiliation-page")
            @QueryParam("source") String source,
            @Parameter(description = "true: only works merged from several records (duplicates found); false: only "
                    + "works made of one record.", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("has_duplicates") String hasDuplicates,
            @Parameter(description = "true: only works with an abstract; false: only works none of whose records has "
                    + "an abstract (bibliographic entries without one; their items carry hasAbstract false and no "
                    + "abstractText or snippet).", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("has_abstract") String hasAbstract,
            @Parameter(description = "Only works with this DOI (any case; a https://doi.org/ or doi: prefix is ignored).",
                    example = "10.48550/arXiv.1202.3732")
            @QueryParam("doi") String doi,
            @Parameter(description = "Only works with an author whose name holds every word given, ignoring case, "
                    + "accents and punctuation: a family name alone (hinton) or a full name (Geoffrey Hinton; the "
                    + "words in any order, so Hinton, Geoffrey too).", example = "Hinton")
            @QueryParam("author") String author,
            @Parameter(description = "Only works of this venue (journal, proceedings…): the whole name, ignoring case, "
                    + "accents and punctuation (J. Neurosci. = j neurosci).", example = "Nature")
            @QueryParam("venue") String venue,
            @Parameter(description = "Only works with this PubMed id.", example = "27797938")
            @QueryParam("pmid") String pmid,
            @Parameter(description = "Year or range, both ends included: 2020, 2018-2020, 2018-, -2020. A work's year "
                    + "is its publication year (the earliest credible year its records give), else the year of its "
                    + "earliest arXiv id; works with neither never match a year filter.",
                    example = "2018-2020")
            @QueryParam("year") String year,
            @Parameter(description = "relevance (best match first among the ranked window, see rankWindow; needs q; "
                    + "the default with q), updated / -updated "
                    + "(oldest / newest change first; -updated is the default without q), title / -title (A-Z / Z-A, "
                    + "ignoring case), year / -year (oldest / newest publication year first; works without a year "
                    + "last either way).", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"relevance", "updated", "-updated", "title", "-title", "year", "-year"}))
            @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1 to " + SearchRequest.MAX_LIMIT + ".",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + SearchRequest.MAX_LIMIT,
                            defaultValue = "" + SearchRequest.DEFAULT_LIMIT))
            @QueryParam("limit") String limit,
            @Parameter(description = "* for the first page of a walk, then the meta.nextCursor of the previous page, "
                    + "unchanged. It is bound to q, the filters and sort: reusing it with different ones is a 400.")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Comma-separated fields of each item to return (workId is always returned): "
                    + "workId, title, abstractText, hasAbstract, authors, venue, url, affiliations, identifiers, "
                    + "memberCount, year, "
                    + "firstSeen, "
                    + "updatedAt, rank, snippet, titleHighlight. Default: all that apply.", example = "title,snippet")
            @QueryParam("select") String select,
            @Parameter(description = "Comma-separated facets to count over all matching works (when more match "
                    + "than the facet window, the service's catalog.search.facet-window, over that many of the newest; "
                    + "the page then carries groupsWindow): affiliation, "
                    + "source (file key), format, year, venue, author. At most " + FacetQuery.GROUP_SIZE
                    + " values each.",
                    example = "year,venue")
            @QueryParam("group_by") String groupBy) throws SQLException {
        return search.search(SearchRequest.of(q, affiliation, source, hasDuplicates, hasAbstract, doi, author, venue,
                pmid, year,
                sort, limit, select, groupBy, cursor));
    }
}
