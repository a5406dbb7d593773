package io.abstractcatalog.catalog.store;

import io.abstractcatalog.contract.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The list-valued parts of a work (affiliations, identifiers), loaded for a whole page of works in two queries
 * rather than two per work.
 */
public record WorkAttributes(List<String> affiliations, Identifiers identifiers) {

    public static final WorkAttributes NONE = new WorkAttributes(List.of(), Identifiers.NONE);

    public static Map<String, WorkAttributes> loadFor(Connection connection, Collection<String> workIds) throws SQLException {
        if (workIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> affiliations = new HashMap<>();
        Map<String, List<String>> dois = new HashMap<>();
        Map<String, List<String>> arxivIds = new HashMap<>();
        Map<String, List<String>> pmids = new HashMap<>();
        Map<String, List<String>> pmcids = new HashMap<>();
        var ids = connection.createArrayOf("text", workIds.toArray());
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT work_id, affiliation FROM work_affiliation WHERE work_id = ANY (?) ORDER BY work_id, affiliation")) {
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    affiliations.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT work_id, kind, value FROM work_identifier WHERE work_id = ANY (?) ORDER BY work_id, kind, value")) {
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    var byKind = switch (rows.getString(2)) {
                        case "doi" -> dois;
                        case "pmid" -> pmids;
                        case "pmcid" -> pmcids;
                        default -> arxivIds;
                    };
                    byKind.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(3));
                }
            }
        }
        Map<String, WorkAttributes> attributes = new HashMap<>();
        for (String id : workIds) {
            attributes.put(id, new WorkAttributes(affiliations.getOrDefault(id, List.of()),
                    new Identifiers(dois.get(id), arxivIds.get(id), pmids.get(id), pmcids.get(id))));
        }
        return attributes;
    }
}
