package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.problem.InvalidParameterException;
import io.abstractcatalog.contract.http.Problem;
import io.abstractcatalog.contract.http.ListMeta;
import io.abstractcatalog.contract.http.Listing;
import io.abstractcatalog.catalog.store.ReadDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/affiliations")
@Tag(name = "Affiliations", description = "The institutions of the catalog's works")
public class AffiliationsResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** An affiliation and how many works carry it. */
    @Schema(name = "AffiliationCount", description = "An affiliation (names differing only in case are one) and its works.")
    public record AffiliationCount(
            @Schema(description = "The name; pass it as affiliation to GET /works.", examples = "The University of Tokyo")
            String name,
            @Schema(description = "Works with this affiliation.", examples = "42")
            long works) {
    }

    /** The OpenAPI shape of the answer: the list envelope over affiliations. */
    @Schema(name = "AffiliationList", description = "Affiliations, most works first (the list envelope).")
    record AffiliationList(ListMeta meta, List<AffiliationCount> results) {
    }

    private final AgroalDataSource dataSource;

    AffiliationsResource(@DataSource(ReadDatabase.NAME) AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List affiliations with work counts",
            description = "Every affiliation, most works first (ties by name); names that differ only in case are "
                    + "counted as one. meta.count is how many affiliations match; the answer holds the first limit of "
                    + "them (no further pages: narrow with prefix).")
    @APIResponse(responseCode = "200", description = "The affiliations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AffiliationList.class),
                    examples = @ExampleObject(name = "affiliations", value = """
                            {"meta":{"count":2,"countKind":"exact","perPage":100,"nextCursor":null},
                             "results":[{"name":"The University of Tokyo","works":42},{"name":"MIT","works":7}]}""")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Listing<AffiliationCount> affiliations(
            @Parameter(description = "Only names starting with this text (any case).", example = "univ")
            @QueryParam("prefix") String prefix,
            @Parameter(description = "How many to return, 1 to " + MAX_LIMIT + ".",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_LIMIT,
                            defaultValue = "" + DEFAULT_LIMIT))
            @QueryParam("limit") String limit) throws SQLException {
        String start = SearchRequest.blankToNull(prefix);
        if (start != null && (start.length() > 200 || start.indexOf('\0') >= 0)) {
            throw new InvalidParameterException("prefix", "prefix must be at most 200 characters without NUL; "
                    + "it is " + start.length() + " long.");
        }
        int size = limit(limit);
        // count(*) OVER () runs after GROUP BY and before LIMIT: how many affiliations match, at no extra read.
        String sql = "SELECT min(affiliation) AS name, count(*) AS works, count(*) OVER () AS total"
                + " FROM work_affiliation"
                + (start == null ? "" : " WHERE lower(affiliation) LIKE ? ESCAPE '\\'")
                + " GROUP BY lower(affiliation) ORDER BY works DESC, name LIMIT ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            if (start != null) {
                query.setString(index++, start.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            query.setInt(index, size);
            List<AffiliationCount> items = new ArrayList<>();
            long total = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(new AffiliationCount(rows.getString("name"), rows.getLong("works")));
                    total = rows.getLong("total");
                }
            }
            // The first limit affiliations are the list; there is no next page (narrow with prefix instead).
            return new Listing<>(new ListMeta(total, ListMeta.CountKind.EXACT, size, null), items);
        }
    }

    private static int limit(String limit) {
        String text = SearchRequest.blankToNull(limit);
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException("limit", "limit '" + SearchSort.brief(text)
                + "' is not a whole number from 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ").");
    }
}
