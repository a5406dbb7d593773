package io.abstractcatalog.catalog.stats;

import io.abstractcatalog.catalog.store.Columns;
import io.abstractcatalog.catalog.store.ReadDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/stats")
@Tag(name = "Stats", description = "What the catalog holds")
public class StatsResource {

    // One statement, so every count comes from the same snapshot.
    private static final String COUNTS = """
            SELECT (SELECT count(*) FROM work) AS works,
                   (SELECT count(*) FROM work_source) AS records,
                   (SELECT count(*) FROM work WHERE member_count > 1) AS works_with_duplicates,
                   (SELECT count(*) FROM (SELECT DISTINCT bucket, object_key FROM work_source) f) AS files,
                   (SELECT count(DISTINCT lower(affiliation)) FROM work_affiliation) AS affiliations,
                   (SELECT count(*) FROM work_redirect) AS redirects,
                   (SELECT max(updated_at) FROM work) AS last_updated
            """;

    private final AgroalDataSource dataSource;

    StatsResource(@DataSource(ReadDatabase.NAME) AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Catalog statistics",
            description = "How many works, records, files and affiliations the catalog holds, and how many works "
                    + "have duplicates. Counted on each call.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogStats.class)))
    public CatalogStats stats() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(COUNTS)) {
            row.next();
            return new CatalogStats(row.getLong("works"), row.getLong("records"), row.getLong("works_with_duplicates"),
                    row.getLong("files"), row.getLong("affiliations"), row.getLong("redirects"),
                    Columns.instant(row, "last_updated"));
        }
    }
}
