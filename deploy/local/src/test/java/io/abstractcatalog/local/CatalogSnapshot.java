package io.abstractcatalog.local;

import io.abstractcatalog.embedded.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the catalog holds, read straight from its PostgreSQL tables in one transaction: every work with its member
 * records and where each came from. Two runs over the same bucket must give equal snapshots, whatever failed on
 * the way. Work ids, member record ids and places are compared; timestamps are not (they say when, not what).
 */
record CatalogSnapshot(SortedMap<String, Work> works) {

    /** One work: its merged content and its sources as {@code recordId@file#ordinal}. */
    record Work(String workId, int memberCount, String title, String abstractDigest, SortedSet<String> sources) {
        @Override
        public String toString() {
            return workId + " (memberCount " + memberCount + ", title " + (title == null ? "none" : "'" + title + "'")
                    + ", abstract md5 " + abstractDigest + ", sources " + sources + ")";
        }
    }

    static CatalogSnapshot read(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD)) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Map<String, SortedSet<String>> sources = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT work_id, record_id, object_key, ordinal FROM work_source")) {
                while (rows.next()) {
                    sources.computeIfAbsent(rows.getString(1), id -> new TreeSet<>())
                            .add(rows.getString(2) + "@" + rows.getString(3) + "#" + rows.getInt(4));
                }
            }
            SortedMap<String, Work> works = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT work_id, member_count, title, md5(abstract_text) FROM work")) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    works.put(id, new Work(id, rows.getInt(2), rows.getString(3), rows.getString(4),
                            sources.getOrDefault(id, new TreeSet<>())));
                }
            }
            connection.commit();
            return new CatalogSnapshot(works);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    int records() {
        return works.values().stream().mapToInt(w -> w.sources().size()).sum();
    }

    /** Record ids found in more than one work, or under more than one place: none in a sound catalog. */
    List<String> doubledRecords() {
        Set<String> seen = new HashSet<>();
        List<String> doubled = new ArrayList<>();
        for (Work work : works.values()) {
            for (String source : work.sources()) {
                String recordId = source.substring(0, source.indexOf('@'));
                if (!seen.add(recordId)) {
                    doubled.add(recordId + " (again in " + work.workId() + ")");
                }
            }
        }
        return doubled;
    }

    /** The member places ({@code file#ordinal}) of every work, to hold against the corpus's planted groups. */
    Set<Set<SyntheticCorpus.Place>> groups() {
        Set<Set<SyntheticCorpus.Place>> groups = new HashSet<>();
        for (Work work : works.values()) {
            Set<SyntheticCorpus.Place> group = new TreeSet<>();
            for (String source : work.sources()) {
                String place = source.substring(source.indexOf('@') + 1);
                int hash = place.lastIndexOf('#');
                group.add(new SyntheticCorpus.Place(place.substring(0, hash), Integer.parseInt(place.substring(hash + 1))));
            }
            groups.add(group);
        }
        return groups;
    }

    /**
     * Empty when both snapshots hold the same works; otherwise the counts and the first {@code limit} differing
     * works, each as the reference has it and as this run has it.
     */
    String differencesFrom(CatalogSnapshot reference, int limit) {
        Set<String> ids = new TreeSet<>(reference.works.keySet());
        ids.addAll(works.keySet());
        List<String> lines = new ArrayList<>();
        int differing = 0;
        for (String id : ids) {
            Work expected = reference.works.get(id);
            Work actual = works.get(id);
            if (expected != null && expected.equals(actual)) {
                continue;
            }
            differing++;
            if (lines.size() < limit) {
                lines.add("  " + id + "\n    reference: " + (expected == null ? "absent" : expected)
                        + "\n    this run:  " + (actual == null ? "absent" : actual));
            }
        }
        if (differing == 0) {
            return "";
        }
        return "the catalog differs from the clean run's in " + differing + " works (reference: " + reference.works.size()
                + " works, " + reference.records() + " records; this run: " + works.size() + " works, " + records()
                + " records). First " + lines.size() + ":\n" + String.join("\n", lines);
    }
}
