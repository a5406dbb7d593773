package io.abstractcatalog.catalog.work;

import io.abstractcatalog.contract.http.Problem;
import io.abstractcatalog.catalog.problem.IdentifierNotFoundException;
import io.abstractcatalog.contract.Identifiers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A work by one of its identifiers: {@code /works/doi:10.1136/gutjnl-2016-312510}, {@code /works/pmid:27797938},
 * {@code /works/arxiv:2106.01234}, {@code /works/pmcid:PMC5116089}. The template's literal colon makes it more
 * specific than {@code /works/{id}}, so work ids (which have none) never reach it; a DOI's slashes are part of it.
 */
@Path("/works/{kind: doi|arxiv|pmid|pmcid}:{value: .+}")
@Tag(name = "Works")
public class IdentifierResource {

    private final WorkLookup lookup;

    IdentifierResource(WorkLookup lookup) {
        this.lookup = lookup;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read the work known by an identifier",
            description = "The work (as GET /works/{id}) that holds this DOI, arXiv id, PubMed id or PubMed Central id. "
                    + "The value is normalized as ingest normalizes it: a DOI in any case and with or without "
                    + "https://doi.org/, an arXiv id with or without version, a PMCID with or without PMC.")
    @APIResponse(responseCode = "200", description = "The work",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkDetail.class)))
    @APIResponse(responseCode = "404", description = "No work holds this identifier",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WorkDetail work(
            @Parameter(description = "doi, arxiv, pmid or pmcid") @PathParam("kind") String kind,
            @Parameter(description = "The identifier", example = "10.1136/gutjnl-2016-312510") @PathParam("value")
            String value) throws SQLException {
        String normalized = normalizer(kind).apply(value);
        if (normalized == null) {
            throw new IdentifierNotFoundException(kind, value);
        }
        // Two reads: a work merged away in between is not found; asking again finds its survivor.
        String workId = lookup.workIdBy(kind, normalized).orElseThrow(() -> new IdentifierNotFoundException(kind, value));
        return lookup.find(workId).orElseThrow(() -> new IdentifierNotFoundException(kind, value));
    }

    private static UnaryOperator<String> normalizer(String kind) {
        return switch (kind) {
            case "doi" -> Identifiers::normalizeDoi;
            case "arxiv" -> Identifiers::normalizeArxiv;
            case "pmid" -> Identifiers::normalizePmid;
            default -> Identifiers::normalizePmcid;
        };
    }
}
