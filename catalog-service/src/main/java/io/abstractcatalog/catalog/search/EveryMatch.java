package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.store.Columns;
import io.abstractcatalog.contract.Identifiers;
import io.abstractcatalog.catalog.store.ReadDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every work a search matches (the same q and filters as GET /works, see {@link EveryMatchQuery}), handed over one
 * by one as PostgreSQL sends them: the rows come through a server-side cursor, fetchSize at a time, so memory stays
 * flat however many works match.
 */
@ApplicationScoped
public class EveryMatch {

    /** Takes the works of an export one at a time (writes them out). */
    @FunctionalInterface
    public interface Handler {
        void accept(WorkSummary work) throws IOException;
    }

    private final AgroalDataSource dataSource;

    EveryMatch(@DataSource(ReadDatabase.NAME) AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Hands every match of the request, in its order, to the handler; returns how many there were. */
    public long forEach(SearchRequest request, int fetchSize, Handler handler) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            // The driver reads a result fetchSize rows at a time only inside a transaction (else it reads it whole);
            // one read-only snapshot also keeps a long export consistent while works change.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            long count = 0;
            try (PreparedStatement query = EveryMatchQuery.of(request, SearchPlanner.phrases(connection, request))
                    .prepare(connection)) {
                query.setFetchSize(fetchSize);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        handler.accept(work(rows));
                        count++;
                    }
                }
            } finally {
                connection.rollback(); // nothing was written; ends the snapshot either way
            }
            return count;
        }
    }

    private static WorkSummary work(ResultSet row) throws SQLException {
        List<String> doi = new ArrayList<>(1);
        List<String> arxiv = new ArrayList<>(1);
        List<String> pmid = new ArrayList<>(1);
        List<String> pmcid = new ArrayList<>(1);
        for (String identifier : (String[]) row.getArray("identifiers").getArray()) {
            int colon = identifier.indexOf(':');
            String value = identifier.substring(colon + 1);
            switch (identifier.substring(0, colon)) {
                case "doi" -> doi.add(value);
                case "arxiv" -> arxiv.add(value);
                case "pmid" -> pmid.add(value);
                default -> pmcid.add(value);
            }
        }
        String abstractText = Columns.abstractText(row, "abstract_text");
        return new WorkSummary(row.getString("work_id"), row.getString("title"), abstractText, abstractText != null,
                Columns.authors(row, "authors"), row.getString("venue"), row.getString("url"),
                List.of((String[]) row.getArray("affiliations").getArray()), new Identifiers(doi, arxiv, pmid, pmcid),
                row.getInt("member_count"), row.getObject("year", Integer.class), Columns.instant(row, "first_seen"),
                Columns.instant(row, "updated_at"), null, null, null);
    }
}
