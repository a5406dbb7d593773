package io.abstractcatalog.catalog.testing;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.Identifiers;
import io.abstractcatalog.contract.SourceRef;
import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.contract.WorkMatch;
import io.abstractcatalog.contract.WorkMatches;
import io.abstractcatalog.contract.WorkSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds works for tests, with unique ids so tests sharing one database never see each other's works. */
public final class WorkFixture {

    private final String workId;
    private long version = 1;
    private String title = "A title";
    private String abstractText = "An abstract.";
    private List<String> affiliations = List.of();
    private Identifiers identifiers = Identifiers.NONE;
    private List<WorkSource> sources = new ArrayList<>();
    private Instant firstSeen = Instant.parse("2026-01-05T10:00:00Z");
    private Instant updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private List<Author> authors = List.of();
    private Integer year;
    private String venue;
    private String url;
    private WorkMatches matches;

    private WorkFixture(String workId) {
        this.workId = workId;
    }

    public static String newId() {
        return "w-" + UUID.randomUUID();
    }

    public static WorkFixture work(String workId) {
        return new WorkFixture(workId).source("bucket", workId + ".txt", 0);
    }

    public static String uniqueTag() {
        return "Institute " + UUID.randomUUID();
    }

    public WorkFixture version(long value) {
        version = value;
        return this;
    }

    public WorkFixture title(String value) {
        title = value;
        return this;
    }

    public WorkFixture abstractText(String value) {
        abstractText = value;
        return this;
    }

    public WorkFixture affiliations(String... values) {
        affiliations = List.of(values);
        return this;
    }

    public WorkFixture identifiers(List<String> doi, List<String> arxiv) {
        identifiers = new Identifiers(doi, arxiv);
        return this;
    }

    public WorkFixture identifiers(Identifiers value) {
        identifiers = value;
        return this;
    }

    /** Authors as one string each ("Hinton, Geoffrey", "Yann LeCun"), split as ingest splits them. */
    public WorkFixture authors(String... names) {
        authors = java.util.Arrays.stream(names).map(Author::parse).toList();
        return this;
    }

    public WorkFixture year(Integer value) {
        year = value;
        return this;
    }

    public WorkFixture venue(String value) {
        venue = value;
        return this;
    }

    public WorkFixture url(String value) {
        url = value;
        return this;
    }

    /** Why the work's records are one (work-event/3); without this call the work says nothing, as before schema 3. */
    public WorkFixture matches(long count, WorkMatch... pairs) {
        matches = new WorkMatches(count, List.of(pairs));
        return this;
    }

    /** The record id of the work's {@code index}-th source (in the order they were added). */
    public String recordId(int index) {
        return sources.get(index).recordId();
    }

    public WorkFixture updatedAt(Instant value) {
        updatedAt = value;
        return this;
    }

    public WorkFixture noSources() {
        sources = new ArrayList<>();
        return this;
    }

    public WorkFixture source(String bucket, String key, int ordinal) {
        return source(bucket, key, ordinal, "affiliation-page");
    }

    public WorkFixture source(String bucket, String key, int ordinal, String format) {
        String recordId = "r-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        sources.add(new WorkSource(recordId, new SourceRef(bucket, key, "hash-of-" + key, format, ordinal,
                ordinal * 2 + 1, null), Instant.parse("2026-01-05T10:00:00Z")));
        return this;
    }

    public Work build() {
        return new Work(workId, version, title, abstractText, affiliations, identifiers, sources,
                Math.max(1, sources.size()), firstSeen, updatedAt, authors, year, venue, url, matches);
    }

    public WorkEvent upserted() {
        return WorkEvent.upserted(build());
    }
}
