package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.store.Columns;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a search's probe starts: the updated_at of the depth-th newest work. The probe reads the works updated at or
 * after it (see PageQuery), as a bind value the planner can weigh, so that one GIN scan over words and
 * updated_at finds the matches among them.
 *
 * <p>Any start finds the same window: the probe's works are always a prefix of the newest-first order, and the
 * window is taken from it only when it holds more matches than the window. A stale start (works written since it
 * was read) only makes the probe longer, so the value is read at most once a second per 10,000 works of depth, not
 * per search: reading it walks that many index entries (~1.3 ms for 10,000, ~9 ms for 80,000), and a start goes stale
 * by about the same share of its depth at any depth.
 *
 * <p>It also keeps the planner's estimate of how many works there are ({@link #works}), which scales the probe's
 * estimate of matches to the whole catalog for meta.count.
 */
@ApplicationScoped
class ProbeStarts {

    private static final Duration FRESH = Duration.ofSeconds(1);
    private static final int WORKS_PER_FRESH = 10_000;

    private record Start(Instant since, long readAt) {
    }

    private record Size(long works, long readAt) {
    }

    private final long freshNanos;
    private final Map<Integer, Start> starts = new ConcurrentHashMap<>();
    private volatile Size size;

    public ProbeStarts() {
        this(FRESH);
    }

    /** Starts reused for the given time per 10,000 works of depth (at least once) after they are read. */
    ProbeStarts(Duration fresh) {
        this.freshNanos = fresh.toNanos();
    }

    /** Starts read anew for every search: what a test wants when it has just written the newest works. */
    static ProbeStarts uncached() {
        return new ProbeStarts(Duration.ZERO);
    }

    /** The start for a probe of this many works; null when the catalog is empty (the probe then reads every work). */
    Instant since(Connection connection, int depth) throws SQLException {
        long now = System.nanoTime();
        Start start = starts.get(depth);
        if (start == null || now - start.readAt() >= freshNanos * Math.max(1, depth / WORKS_PER_FRESH)) {
            start = new Start(read(connection, depth), now);
            starts.put(depth, start);
        }
        return start.since();
    }

    /**
     * How many works the planner believes the catalog holds (its estimate of the work table, as it scales every
     * selectivity): the probe's estimate covers about probe of them, so this scales it to the whole catalog for
     * meta.count. Read at most once a second, as the starts are.
     */
    long works(Connection connection) throws SQLException {
        long now = System.nanoTime();
        Size known = size;
        if (known == null || now - known.readAt() >= freshNanos) {
            known = new Size(SearchPlanner.plannedRows(connection, Sql.of(WORKS_ESTIMATE)), now);
            size = known;
        }
        return known.works();
    }

    /** The planner's estimate of the work table's rows. */
    static final String WORKS_ESTIMATE = "EXPLAIN SELECT 1 FROM work";

    /** The updated_at of the depth-th newest work, or of the oldest when fewer; null when there is none. */
    static Instant read(Connection connection, int depth) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT min(updated_at) AS since FROM"
                + " (SELECT updated_at FROM work ORDER BY updated_at DESC, work_id LIMIT ?) newest")) {
            query.setInt(1, depth);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return Columns.instant(row, "since");
            }
        }
    }
}
