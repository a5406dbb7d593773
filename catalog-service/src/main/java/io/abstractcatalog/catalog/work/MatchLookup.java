package io.abstractcatalog.catalog.work;

import io.abstractcatalog.contract.EventJson;
import io.abstractcatalog.contract.WorkMatches;
import io.abstractcatalog.contract.http.ListMeta;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads why a work's records are one work (V14's {@code work_match} rows), with where each record was found. */
@ApplicationScoped
public class MatchLookup {

    private final ReadYourWrites database;

    MatchLookup(ReadYourWrites database) {
        this.database = database;
    }

    /** The work's matches, or empty when no such work exists (as opposed to a work of one record). */
    public Optional<MatchList> matches(String workId) throws SQLException {
        return database.readSnapshot(connection -> matches(connection, workId));
    }

    /** The count, the pairs and the sources, read in the one snapshot {@link ReadYourWrites#readSnapshot} gives. */
    private static Optional<MatchList> matches(Connection connection, String workId) throws SQLException {
        Integer count;
        try (PreparedStatement query = connection.prepareStatement("SELECT match_count FROM work WHERE work_id = ?")) {
            query.setString(1, workId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                count = row.getObject(1, Integer.class);
            }
        }
        Map<String, SourceView> sources = WorkLookup.sources(connection, workId).stream()
                .collect(Collectors.toMap(SourceView::recordId, Function.identity(), (a, b) -> a));
        List<MatchView> pairs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT record_a, record_b, rule, matcher_version, evidence::text AS evidence
                FROM work_match WHERE work_id = ? ORDER BY position""")) {
            query.setString(1, workId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    MatchEvidence evidence = EventJson.read(row.getString("evidence").getBytes(StandardCharsets.UTF_8),
                            MatchEvidence.class);
                    String rule = row.getString("rule");
                    pairs.add(new MatchView(row.getString("record_a"), row.getString("record_b"),
                            sources.get(row.getString("record_a")), sources.get(row.getString("record_b")), rule,
                            MatchWords.reason(rule), MatchWords.explanation(evidence), evidence,
                            row.getInt("matcher_version")));
                }
            }
        }
        ListMeta meta = new ListMeta(count == null ? 0 : Math.max(count, pairs.size()), ListMeta.CountKind.EXACT,
                WorkMatches.MAX_PAIRS, null);
        return Optional.of(new MatchList(meta, pairs, count != null));
    }
}
