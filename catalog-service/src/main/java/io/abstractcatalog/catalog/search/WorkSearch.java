package io.abstractcatalog.catalog.search;

import io.abstractcatalog.catalog.store.Columns;
import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.Identifiers;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Search, filters, sorts, keyset paging and facets over the work table, in plain SQL.
 *
 * <p>q goes through PostgreSQL's {@code websearch_to_tsquery} (quoted phrases, {@code or}, {@code -word}, as users
 * type into search boxes; it never fails on syntax) against the generated, GIN-indexed tsvector, ranked by cover
 * density within a bounded window of matches (see {@link #page}). Every value is a bind parameter. Snippets,
 * affiliations and identifiers are computed only for the rows of the page, after the LIMIT.
 */
@ApplicationScoped
public class WorkSearch {

    private static final Logger LOG = Logger.getLogger(WorkSearch.class);

    /** The sort key of sort=title; must stay identical to the expression of index work_title_key_idx (V7). */
    static final String TITLE_KEY = "left(lower(coalesce(w.title, '')), 200)";
    static final int GROUP_SIZE = 20;
    /** The kinds of work_identifier, in the order of {@link Identifiers}' lists. */
    private static final List<String> IDENTIFIER_KINDS = List.of("doi", "arxiv", "pmid", "pmcid");

    /**
     * The sort keys of sort=year and sort=-year; must stay identical to the expressions of indexes work_year_asc_idx
     * and work_year_desc_idx (V11). A work without a year sorts after every year both ways.
     */
    static final String YEAR_ASC_KEY = "coalesce(w.year, 32767)";
    static final String YEAR_DESC_KEY = "coalesce(w.year, 0)";

    /** The candidate columns with work_id and updated_at (the keyset columns) from the given alias. */
    private static String candidateColumns(String keys) {
        return keys + ".work_id, w.title, w.abstract_text, w.member_count, w.year, w.first_seen, " + keys
                + ".updated_at, " + TITLE_KEY + " AS title_key, " + YEAR_ASC_KEY + " AS year_asc_key, "
                + YEAR_DESC_KEY + " AS year_desc_key, w.authors, w.venue, w.url";
    }
    /** The columns of a candidate row (alias w), from which the page and its cursor are built. */
    private static final String CANDIDATE_COLUMNS = candidateColumns("w");
    /** A candidate of sort=relevance: with what ts_rank_cd needs (the work's tsvector and the query). */
    private static final String RANKED_COLUMNS = CANDIDATE_COLUMNS + ", w.search_vector, query";
    /** The rows a FROM draws works from (alias w), see {@link #fromWhere}. */
    private enum Works {
        ALL("work w"),
        /**
         * The works of the probe (the caller bounds updated_at): a phrase is matched through the index over words and
         * updated_at (V9), whose range already bounds the postings it decodes, not through its pairs' keys, whose
         * postings span every work (a pair in 5 % of the works: ~47,000, ~10 ms).
         */
        NEWEST("work w"),
        /** The newest window.probe() works, as the planner's estimate of the probe sees them (size a parameter). */
        PROBED("(SELECT * FROM work ORDER BY updated_at DESC, work_id LIMIT ?) w"),
        /**
         * The works of one affiliation as affiliation rows (alias a) joined to their works, for sort=updated/-updated:
         * with the sort key taken from the affiliation row, the page is the first rows of one walk of index
         * work_affiliation_newest_idx (V8). The filter then applies to a instead of an EXISTS.
         */
        BY_AFFILIATION("work_affiliation a JOIN work w ON w.work_id = a.work_id"),
        /** The works whose title holds q as a phrase (plain words), found through the keys of its pairs (V10). */
        TITLED("work w");

        private final String from;

        Works(String from) {
            this.from = from;
        }
    }
    /** The row estimate of a plan line, e.g. "Subquery Scan on w  (cost=0.42..4836.73 rows=322 width=4)". */
    private static final Pattern PLAN_ROWS = Pattern.compile(" rows=(\\d+) ");
    /**
     * At most this many works holding the keys of a plain query's adjacent pairs (as the planner estimates them) are
     * read to find those whose title holds the query as a phrase (see {@link #page}); each costs a row read and a check
     * of its positions (~4 us). Keys held by more are too common to tell a title by.
     */
    public static final long MAX_TITLE_HOLDERS = 1_000;
    /**
     * Titles are looked up for two pairs or more (three words in a row): at 1M works one pair's key is held by
     * hundreds of works (its bucket's other pairs; "transformer attention": 497, reading them +2.3 ms), two keys
     * together by a handful ("transformer attention graph": 2, +0.1 ms).
     */
    static final int MIN_TITLE_PAIRS = 2;
    /** The keys of q's adjacent pairs, by the function that keys the column (V10): the pairs of q read as a phrase. */
    private static final String Q_KEYS = "phrase_keys(to_tsvector('english', ?))";

    /** Marks around matched words chosen so they cannot occur in the (translated) text, then turned into HTML. */
    private static final char START = '\u0002';
    private static final char STOP = '\u0003';
    private static final String HEADLINE_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP
            + ", MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=\" … \"";
    private static final String TITLE_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP + ", HighlightAll=true";

    private final AgroalDataSource dataSource;
    private final ProbeStarts probeStarts;
    private final RankWindow rankWindow;
    private final RankWindow facetWindow;

    WorkSearch(AgroalDataSource dataSource, ProbeStarts probeStarts, SearchSettings settings) {
        this.dataSource = dataSource;
        this.probeStarts = probeStarts;
        this.rankWindow = new RankWindow(settings.rankWindow(), settings.rankProbe());
        this.facetWindow = new RankWindow(settings.facetWindow(), Math.max(settings.facetWindow(), settings.rankProbe()));
    }

    public WorkPage search(SearchRequest request) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return search(connection, request, rankWindow, facetWindow, null, probeStarts);
        }
    }

    /**
     * As {@link #search(Connection, SearchRequest, RankWindow, RankWindow, WindowPath, ProbeStarts)}, with probe
     * starts read anew for each search: tests that have just written the newest works.
     */
    public static WorkPage search(Connection connection, SearchRequest request, RankWindow rankWindow,
                                  RankWindow facetWindow, WindowPath path) throws SQLException {
        return search(connection, request, rankWindow, facetWindow, path, ProbeStarts.uncached());
    }

    /**
     * Everything GET /works asks of the database, on one connection: the page query (attributes included) and one
     * query per facet. The windows are found by the given path, or by the one the planner's estimate picks (null);
     * tests run each to show they find the same window. Public so the benchmark's direct-SQL side runs exactly this.
     */
    public static WorkPage search(Connection connection, SearchRequest asked, RankWindow rankWindow,
                                  RankWindow facetWindow, WindowPath path, ProbeStarts starts) throws SQLException {
        SearchRequest parsed = withPhrases(connection, asked);
        long titleHolders = estimateTitleHolders(connection, parsed);
        SearchRequest request = titleHolders > 0 && titleHolders <= MAX_TITLE_HOLDERS ? parsed.withTitleLookup()
                : parsed;
        WindowPath rankPath = path;
        Long rankEstimate = null;
        int rankDepth = rankWindow.probe();
        if (rankPath == null && request.sort() == SearchSort.RELEVANCE) {
            rankEstimate = estimateProbeMatches(connection, request, rankWindow);
            rankDepth = WindowPath.depth(rankEstimate, rankWindow);
            rankPath = WindowPath.of(rankDepth);
        }
        List<Object> parameters = new ArrayList<>();
        Instant rankStart = rankPath == WindowPath.PROBE ? starts.since(connection, rankDepth) : null;
        String sql = page(request, rankWindow, rankPath, rankStart, parameters);
        List<Row> rows = new ArrayList<>();
        long candidates = 0;
        try (PreparedStatement query = prepare(connection, sql, parameters);
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(Row.of(result, request));
                if (request.sort() == SearchSort.RELEVANCE) {
                    candidates = result.getLong("candidates");
                }
            }
        }
        // One row more than asked for tells whether a next page exists, without a count query.
        boolean more = rows.size() > request.limit();
        List<Row> page = more ? rows.subList(0, request.limit()) : rows;
        List<WorkSummary> items = page.stream().map(row -> row.summary().only(request.select())).toList();
        String next = more ? page.get(page.size() - 1).cursor(request).encode() : null;
        Map<String, List<GroupCount>> groups = null;
        boolean partialGroups = false;
        if (!request.groupBy().isEmpty()) {
            groups = new LinkedHashMap<>();
            WindowPath facetPath = path;
            int facetDepth = facetWindow.probe();
            if (facetPath == null) {
                // The same probe (the default: both read the newest 10,000 works) has the same estimate.
                long estimate = rankEstimate != null && facetWindow.probe() == rankWindow.probe() ? rankEstimate
                        : estimateProbeMatches(connection, request, facetWindow);
                facetDepth = WindowPath.depth(estimate, facetWindow);
                facetPath = WindowPath.of(facetDepth);
            }
            Instant facetStart = facetPath == WindowPath.PROBE ? starts.since(connection, facetDepth) : null;
            for (String group : request.groupBy()) {
                Counts counts = group(connection, request, group, facetWindow, facetPath, facetStart);
                groups.put(group, counts.values());
                partialGroups |= counts.partial();
            }
        }
        return new WorkPage(items, next, groups, candidates > rankWindow.size() ? rankWindow.size() : null,
                partialGroups ? facetWindow.size() : null);
    }

    /**
     * The request with what its phrases require, read from PostgreSQL's own parse of q: one short query, only when q
     * may hold a phrase at all.
     */
    static SearchRequest withPhrases(Connection connection, SearchRequest request) throws SQLException {
        if (!PhrasePairs.mayHoldPhrase(request.q())) {
            return request;
        }
        String tsquery;
        try (PreparedStatement parse = connection.prepareStatement("SELECT websearch_to_tsquery('english', ?)::text")) {
            parse.setString(1, request.q());
            try (ResultSet result = parse.executeQuery()) {
                result.next();
                tsquery = result.getString(1);
            }
        }
        try {
            return request.withPhrases(PhrasePairs.of(tsquery));
        } catch (IllegalArgumentException e) {
            // A tsquery form this code does not know (a newer PostgreSQL?) costs the phrase its shortcut, not results.
            LOG.warnf("searching without phrase keys: %s", e.getMessage());
            return request;
        }
    }

    /**
     * The page query: candidates (filtered, with sort keys), keyset condition, order, limit; then, for the page's
     * rows only, snippets, affiliations and identifiers (sub-selects instead of two more round trips).
     *
     * <p>Relevance ranks a bounded candidate set, the window: the {@code window.size()} most recently updated
     * matches (all of them when fewer match), fetched one row larger so "candidates" tells whether matches were left
     * unranked. Finding them never costs more than one of two bounded plans: "probe" takes the matches among the works
     * updated since the probe's start (about the newest {@code window.probe()} works, or up to 8 times as many for a
     * query the planner expects to be rarer, see {@link WindowPath#depth} and {@link ProbeStarts}); if more than the
     * window size match there, the newest of them are the window. The planner reads those works newest first and
     * stops early for a word found in half the catalog, and uses the GIN index over words and updated_at for rarer
     * ones (V9). Otherwise the query is rare, and "matches" takes all its matches through the GIN index. Each branch
     * runs only when its one-time condition holds; a planner choice between the two on estimates alone could scan
     * the whole table for a phrase whose words are common but whose matches are rare. When the estimate already says
     * the query is rare ({@link WindowPath#INDEX}), the probe is left out: it could only find too few.
     *
     * <p>A window of the newest matches misses an older work searched for by its title, the commonest search there
     * is. So when matches were left out and q is plain words, the newest {@code window.size()} works whose title
     * holds q as a phrase ("titled", found through the keys of its adjacent pairs, V10) are ranked with the window,
     * whatever their age. WorkSearch#search looks them up only when the planner expects at most
     * {@link #MAX_TITLE_HOLDERS} works to hold the keys ({@link SearchRequest#titleLookup}).
     */
    static String page(SearchRequest request, RankWindow window, WindowPath path, Instant since,
                       List<Object> parameters) {
        boolean ranked = request.sort() == SearchSort.RELEVANCE;
        StringBuilder sql = new StringBuilder();
        boolean titles = ranked && request.titleLookup();
        if (ranked) {
            windowSources(request, window, path, since, RANKED_COLUMNS, sql, parameters);
            sql.append(", window_matches AS MATERIALIZED (SELECT windowed.*, count(*) OVER () AS candidates FROM (")
                    .append(windowed(request, window, path, RANKED_COLUMNS, parameters))
                    .append(") windowed ORDER BY windowed.updated_at DESC, windowed.work_id LIMIT ?) ");
            parameters.add(window.size());
        }
        if (titles) {
            sql.append(", titled AS MATERIALIZED (SELECT ").append(RANKED_COLUMNS);
            fromWhere(request, Works.TITLED, sql, parameters);
            sql.append(" ORDER BY w.updated_at DESC, w.work_id LIMIT ?) ");
            parameters.add(window.size());
        }
        sql.append("SELECT page.work_id, page.title, page.abstract_text, page.member_count,"
                + " page.year, page.first_seen, page.updated_at, page.title_key, page.year_asc_key, page.year_desc_key,"
                + " page.authors::text AS authors, page.venue, page.url");
        if (ranked) {
            sql.append(", page.rank, page.candidates");
        }
        boolean headlines = request.q() != null && (request.selects("snippet") || request.selects("titleHighlight"));
        if (headlines) {
            sql.append(", ts_headline('english', translate(page.abstract_text, E'\\x02\\x03', ''), hq, '")
                    .append(HEADLINE_OPTIONS).append("') AS snippet")
                    .append(", ts_headline('english', translate(coalesce(page.title, ''), E'\\x02\\x03', ''), hq, '")
                    .append(TITLE_OPTIONS).append("') AS title_highlight");
        }
        if (request.selects("affiliations")) {
            sql.append(", ARRAY(SELECT a.affiliation FROM work_affiliation a WHERE a.work_id = page.work_id"
                    + " ORDER BY a.affiliation) AS affiliations");
        }
        if (request.selects("identifiers")) {
            for (String kind : IDENTIFIER_KINDS) {
                sql.append(", ARRAY(SELECT i.value FROM work_identifier i WHERE i.work_id = page.work_id AND i.kind = '")
                        .append(kind).append("' ORDER BY i.value) AS ids_").append(kind);
            }
        }
        sql.append(" FROM (SELECT * FROM (");
        if (ranked) {
            // Normalization 32 maps the rank into [0, 1) without changing the order, so clients can show it.
            sql.append("SELECT ranked.*, ts_rank_cd(ranked.search_vector, ranked.query, 32) AS rank"
                    + " FROM (SELECT * FROM window_matches");
            if (titles) {
                // Only when matches were left out of the window: else every title holder is in it already.
                sql.append(" UNION ALL SELECT t.*, (SELECT max(candidates) FROM window_matches) FROM titled t"
                        + " WHERE (SELECT max(candidates) FROM window_matches) > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM window_matches m WHERE m.work_id = t.work_id)");
                parameters.add(window.size());
            }
            sql.append(") ranked");
        } else if (request.affiliation() != null
                && (request.sort() == SearchSort.UPDATED_DESC || request.sort() == SearchSort.UPDATED)) {
            sql.append("SELECT ").append(candidateColumns("a"));
            fromWhere(request, Works.BY_AFFILIATION, sql, parameters);
        } else {
            sql.append("SELECT ").append(CANDIDATE_COLUMNS);
            fromWhere(request, Works.ALL, sql, parameters);
        }
        sql.append(") candidate");
        SearchCursor after = request.cursor();
        if (after != null) {
            switch (request.sort()) {
                case RELEVANCE -> {
                    // rank is a float4 computed the same way each time, so equality with the cursor's float is exact.
                    sql.append(" WHERE (rank < ? OR (rank = ? AND work_id > ?))");
                    parameters.add(after.rank());
                    parameters.add(after.rank());
                }
                case UPDATED_DESC -> {
                    // The redundant "updated_at <= ?" gives the index scan a start; the OR alone would be a filter
                    // applied to every row from the newest one down to the cursor.
                    sql.append(" WHERE updated_at <= ? AND (updated_at < ? OR (updated_at = ? AND work_id > ?))");
                    parameters.add(time(after.updatedAt()));
                    parameters.add(time(after.updatedAt()));
                    parameters.add(time(after.updatedAt()));
                }
                case UPDATED -> {
                    sql.append(" WHERE updated_at >= ? AND (updated_at > ? OR (updated_at = ? AND work_id < ?))");
                    parameters.add(time(after.updatedAt()));
                    parameters.add(time(after.updatedAt()));
                    parameters.add(time(after.updatedAt()));
                }
                case TITLE -> {
                    sql.append(" WHERE (title_key, work_id) > (?, ?");
                    parameters.add(after.key());
                }
                case TITLE_DESC -> {
                    sql.append(" WHERE (title_key, work_id) < (?, ?");
                    parameters.add(after.key());
                }
                case YEAR -> {
                    sql.append(" WHERE (year_asc_key, work_id) > (?, ?");
                    parameters.add(after.year());
                }
                case YEAR_DESC -> {
                    // As for -updated: the redundant bound gives the index scan its start.
                    sql.append(" WHERE year_desc_key <= ? AND (year_desc_key < ? OR (year_desc_key = ? AND work_id > ?))");
                    parameters.add(after.year());
                    parameters.add(after.year());
                    parameters.add(after.year());
                }
            }
            if (request.sort() == SearchSort.TITLE || request.sort() == SearchSort.TITLE_DESC
                    || request.sort() == SearchSort.YEAR) {
                sql.append(")");
            }
            parameters.add(after.workId());
        }
        sql.append(" ORDER BY ").append(request.sort().orderBy()).append(" LIMIT ?) page");
        parameters.add(request.limit() + 1);
        if (headlines) {
            sql.append(", websearch_to_tsquery('english', ?) hq");
            parameters.add(request.q());
        }
        sql.append(" ORDER BY ").append(request.sort().orderBy());
        return sql.toString();
    }

    /**
     * The CTEs "probe" (the newest matches among the works updated since the probe's start, all works when it is
     * null; at most window.size() + 1; left out on path INDEX) and "matches" (all matches, read only when the probe
     * found too few), with the given columns of alias w; see {@link #page}.
     */
    private static void windowSources(SearchRequest request, RankWindow window, WindowPath path, Instant since,
                                      String columns, StringBuilder sql, List<Object> parameters) {
        sql.append("WITH ");
        if (path == WindowPath.PROBE) {
            sql.append("probe AS MATERIALIZED (SELECT ").append(columns);
            fromWhere(request, Works.NEWEST, sql, parameters);
            if (since != null) {
                // A bind value, not a sub-select: the planner weighs it (newest first vs. the GIN index) per query.
                sql.append(" AND w.updated_at >= ?");
                parameters.add(time(since));
            }
            sql.append(" ORDER BY w.updated_at DESC, w.work_id LIMIT ?), ");
            parameters.add(window.size() + 1);
        }
        // Only the keys: a query of several medium-frequency words reaches this CTE with thousands of matches, and
        // copying each whole row (abstract, tsvector) into it cost a third of the query; the newest are joined back.
        sql.append("matches AS MATERIALIZED (SELECT w.work_id, w.updated_at");
        fromWhere(request, Works.ALL, sql, parameters);
        sql.append(") ");
    }

    /**
     * The planner's estimate of how many of the works the probe would read match q and the filters: PostgreSQL's
     * own statistics of the tsvector's words, read with EXPLAIN (a plan, no execution).
     */
    public static long estimateProbeMatches(Connection connection, SearchRequest request, RankWindow window)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("EXPLAIN SELECT 1");
        parameters.add(window.probe());
        fromWhere(request, Works.PROBED, sql, parameters);
        return plannedRows(connection, sql.toString(), parameters);
    }

    /**
     * The planner's estimate of the works holding the keys of the pairs of q read as one phrase, filters aside (an
     * upper bound); 0 when q is not plain words ranked by relevance or has fewer than {@link #MIN_TITLE_PAIRS} pairs
     * (the planner folds the condition to false). Public so tests can see the gate of the title lookup.
     */
    public static long estimateTitleHolders(Connection connection, SearchRequest request) throws SQLException {
        if (request.sort() != SearchSort.RELEVANCE || !PhrasePairs.isPlain(request.q())) {
            return 0;
        }
        return plannedRows(connection, "EXPLAIN SELECT 1 FROM work w WHERE w.phrase_keys @> " + Q_KEYS
                + " AND cardinality(" + Q_KEYS + ") >= ?", List.<Object>of(request.q(), request.q(), MIN_TITLE_PAIRS));
    }

    private static long plannedRows(Connection connection, String explain, List<Object> parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, explain, parameters);
             ResultSet plan = statement.executeQuery()) {
            plan.next();
            // The first line is the top node.
            Matcher rows = PLAN_ROWS.matcher(plan.getString(1));
            if (!rows.find()) {
                throw new SQLException("no row estimate in plan line: " + plan.getString(1));
            }
            return Long.parseLong(rows.group(1));
        }
    }

    /**
     * The newest window.size() + 1 matches with the given columns (as in {@link #windowSources}): from the probe when
     * it found enough, else from all matches.
     */
    private static String windowed(SearchRequest request, RankWindow window, WindowPath path, String columns,
                                   List<Object> parameters) {
        if (path == WindowPath.INDEX) {
            return newestMatches(request, window, columns, parameters);
        }
        parameters.add(window.size());
        String rare = newestMatches(request, window, columns, parameters);
        parameters.add(window.size());
        return "SELECT * FROM probe WHERE (SELECT count(*) FROM probe) > ? UNION ALL " + rare
                + " WHERE (SELECT count(*) FROM probe) <= ?";
    }

    /** The newest window.size() + 1 of "matches", joined back to work for the given columns. */
    private static String newestMatches(SearchRequest request, RankWindow window, String columns,
                                        List<Object> parameters) {
        parameters.add(window.size() + 1);
        String sql = "SELECT " + columns + " FROM (SELECT * FROM matches ORDER BY updated_at DESC, work_id LIMIT ?)"
                + " newest JOIN work w ON w.work_id = newest.work_id";
        if (request.q() != null) {
            parameters.add(request.q());
            sql += ", websearch_to_tsquery('english', ?) query";
        }
        return sql;
    }

    /** FROM and WHERE of the works matching q and the filters (alias w; the query as "query" when q is given). */
    private static void fromWhere(SearchRequest request, Works works, StringBuilder sql, List<Object> parameters) {
        sql.append(" FROM ").append(works.from);
        if (request.q() != null) {
            sql.append(", websearch_to_tsquery('english', ?) query");
            parameters.add(request.q());
        }
        sql.append(" WHERE TRUE");
        PhrasePairs phrases = request.phrases();
        if (works == Works.TITLED) {
            // Weight A marks the title's lexemes (V1); "IS TRUE" keeps the index over words out, as below. For plain
            // words the title phrase implies q; q is still checked, so a syntax isPlain misreads never adds a non-match.
            sql.append(" AND w.phrase_keys @> ").append(Q_KEYS)
                    .append(" AND (ts_filter(w.search_vector, '{a}') @@ phraseto_tsquery('english', ?)) IS TRUE"
                            + " AND (w.search_vector @@ query) IS TRUE");
            parameters.add(request.q());
            parameters.add(request.q());
        } else if (!phrases.isEmpty() && works != Works.NEWEST) {
            // A phrase: the works holding every pair's key (V10), and the query's other lexemes through the index over
            // words, are the candidates whose word positions are checked. "IS TRUE" keeps the planner from also
            // intersecting the phrase's words in the index over words: for two words each in 16 % of the works that
            // decodes ~300,000 postings (~30 ms), which it costs far below reading the ~500 candidates (~1.5 ms).
            sql.append(" AND w.phrase_keys @> ARRAY[");
            for (int i = 0; i < phrases.pairs().size(); i++) {
                sql.append(i == 0 ? "phrase_key(?)" : ", phrase_key(?)");
                parameters.add(phrases.pairs().get(i));
            }
            sql.append("]");
            if (phrases.otherTerms() != null) {
                sql.append(" AND w.search_vector @@ ?::tsquery");
                parameters.add(phrases.otherTerms());
            }
            if (works != Works.PROBED) {
                sql.append(" AND (w.search_vector @@ query) IS TRUE");
            }
            // The estimate leaves the check out: the keys already estimate the phrase, and PostgreSQL would count the
            // phrase's words again (as if they were independent conditions), expecting far too few matches.
        } else if (request.q() != null) {
            sql.append(" AND w.search_vector @@ query");
        }
        if (request.affiliation() != null && works == Works.BY_AFFILIATION) {
            // A work holding the name in two spellings (MIT, mit) is listed once: by its first spelling.
            sql.append(" AND lower(a.affiliation) = lower(?) AND NOT EXISTS (SELECT 1 FROM work_affiliation other"
                    + " WHERE other.work_id = a.work_id AND lower(other.affiliation) = lower(a.affiliation)"
                    + " AND other.affiliation < a.affiliation)");
            parameters.add(request.affiliation());
        } else if (request.affiliation() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM work_affiliation a"
                    + " WHERE a.work_id = w.work_id AND lower(a.affiliation) = lower(?))");
            parameters.add(request.affiliation());
        }
        if (request.source() != null) {
            // A file key or a format: two indexed probes rather than an OR that no index serves.
            sql.append(" AND (EXISTS (SELECT 1 FROM work_source s WHERE s.work_id = w.work_id AND s.object_key = ?)"
                    + " OR EXISTS (SELECT 1 FROM work_source s WHERE s.work_id = w.work_id AND s.format = ?))");
            parameters.add(request.source());
            parameters.add(request.source());
        }
        if (request.hasDuplicates() != null) {
            sql.append(request.hasDuplicates() ? " AND w.member_count > 1" : " AND w.member_count <= 1");
        }
        if (request.doi() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM work_identifier i"
                    + " WHERE i.work_id = w.work_id AND i.kind = 'doi' AND lower(i.value) = ?)");
            parameters.add(request.doi());
        }
        if (!request.authorWords().isEmpty()) {
            // One author's name holds every word: author=Geoffrey Hinton never matches a Geoffrey and a Hinton.
            sql.append(" AND EXISTS (SELECT 1 FROM work_author au WHERE au.work_id = w.work_id"
                    + " AND au.name_words @> ?::text[])");
            parameters.add(request.authorWords().toArray(String[]::new));
        }
        if (request.venue() != null) {
            sql.append(" AND w.venue_key = ?");
            parameters.add(request.venue());
        }
        if (request.pmid() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM work_identifier i"
                    + " WHERE i.work_id = w.work_id AND i.kind = 'pmid' AND i.value = ?)");
            parameters.add(request.pmid());
        }
        if (request.yearFrom() != null) {
            sql.append(" AND w.year >= ?");
            parameters.add(request.yearFrom());
        }
        if (request.yearTo() != null) {
            sql.append(" AND w.year <= ?");
            parameters.add(request.yearTo());
        }
    }

    /** A facet's counts, and whether they cover only the facet window of a larger set of matches. */
    private record Counts(List<GroupCount> values, boolean partial) {
    }

    /**
     * Facet counts over the works matching q and the filters (the cursor does not narrow them): all of them when at
     * most the facet window match, else the window's newest matches, found as the rank window is (see {@link #page}).
     */
    private static Counts group(Connection connection, SearchRequest request, String group, RankWindow window,
                                WindowPath path, Instant since) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String sql = groupSql(request, group, window, path, since, parameters);
        List<GroupCount> counts = new ArrayList<>();
        boolean partial = false;
        try (PreparedStatement query = prepare(connection, sql, parameters);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.add(new GroupCount(rows.getString("key"), rows.getLong("n")));
                partial = rows.getLong("counted") > window.size();
            }
        }
        return new Counts(counts, partial);
    }

    static String groupSql(SearchRequest request, String group, RankWindow window, WindowPath path, Instant since,
                           List<Object> parameters) {
        StringBuilder sql = new StringBuilder();
        String columns = "w.work_id, w.year, w.updated_at, w.venue, w.venue_key";
        windowSources(request, window, path, since, columns, sql, parameters);
        sql.append(", counted AS MATERIALIZED (").append(windowed(request, window, path, columns, parameters))
                .append(") ");
        String matching = "SELECT * FROM counted ORDER BY updated_at DESC, work_id LIMIT ?";
        parameters.add(window.size());
        String counted = ", (SELECT count(*) FROM counted) AS counted";
        sql.append(switch (group) {
            case "affiliation" -> "SELECT min(a.affiliation) AS key, count(*) AS n" + counted
                    + " FROM work_affiliation a JOIN (" + matching + ") m ON m.work_id = a.work_id"
                    + " GROUP BY lower(a.affiliation) ORDER BY n DESC, key";
            case "source" -> "SELECT s.object_key AS key, count(DISTINCT s.work_id) AS n" + counted
                    + " FROM work_source s JOIN (" + matching + ") m ON m.work_id = s.work_id"
                    + " WHERE s.object_key IS NOT NULL GROUP BY s.object_key ORDER BY n DESC, key";
            case "format" -> "SELECT s.format AS key, count(DISTINCT s.work_id) AS n" + counted
                    + " FROM work_source s JOIN (" + matching + ") m ON m.work_id = s.work_id"
                    + " WHERE s.format IS NOT NULL GROUP BY s.format ORDER BY n DESC, key";
            case "year" -> "SELECT m.year::text AS key, count(*) AS n" + counted + " FROM (" + matching + ") m"
                    + " WHERE m.year IS NOT NULL GROUP BY m.year ORDER BY m.year DESC";
            // Spellings of one venue (Nature, NATURE) count together, shown by their first spelling.
            case "venue" -> "SELECT min(m.venue) AS key, count(*) AS n" + counted + " FROM (" + matching + ") m"
                    + " WHERE m.venue_key IS NOT NULL GROUP BY m.venue_key ORDER BY n DESC, key";
            case "author" -> "SELECT min(au.name) AS key, count(DISTINCT au.work_id) AS n" + counted
                    + " FROM work_author au JOIN (" + matching + ") m ON m.work_id = au.work_id"
                    + " GROUP BY au.name_key ORDER BY n DESC, key";
            default -> throw new IllegalArgumentException(group);
        });
        parameters.add(GROUP_SIZE);
        return sql + " LIMIT ?";
    }

    static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** ts_headline output (plain text with START/STOP marks) as safe HTML: text escaped, marks as {@code <mark>}. */
    static String highlightHtml(String marked) {
        if (marked == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(marked.length() + 32);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> html.append("<mark>");
                case STOP -> html.append("</mark>");
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }

    /** A result row of the page query. */
    private record Row(String workId, String title, String abstractText, int memberCount, Integer year,
                       Instant firstSeen, Instant updatedAt, String titleKey, int yearAscKey, int yearDescKey,
                       List<Author> authors, String venue, String url, Float rank, String snippet,
                       String titleHighlight, List<String> affiliations, Identifiers identifiers) {

        static Row of(ResultSet result, SearchRequest request) throws SQLException {
            boolean headlines = request.q() != null && (request.selects("snippet") || request.selects("titleHighlight"));
            return new Row(result.getString("work_id"), result.getString("title"), result.getString("abstract_text"),
                    result.getInt("member_count"), result.getObject("year", Integer.class),
                    Columns.instant(result, "first_seen"), Columns.instant(result, "updated_at"),
                    result.getString("title_key"), result.getInt("year_asc_key"), result.getInt("year_desc_key"),
                    Columns.authors(result, "authors"), result.getString("venue"), result.getString("url"),
                    request.sort() == SearchSort.RELEVANCE ? result.getFloat("rank") : null,
                    headlines ? highlightHtml(result.getString("snippet")) : null,
                    headlines && result.getString("title") != null
                            ? highlightHtml(result.getString("title_highlight")) : null,
                    request.selects("affiliations") ? strings(result.getArray("affiliations")) : List.of(),
                    request.selects("identifiers")
                            ? new Identifiers(strings(result.getArray("ids_doi")), strings(result.getArray("ids_arxiv")),
                                    strings(result.getArray("ids_pmid")), strings(result.getArray("ids_pmcid")))
                            : Identifiers.NONE);
        }

        private static List<String> strings(Array array) throws SQLException {
            return List.of((String[]) array.getArray());
        }

        SearchCursor cursor(SearchRequest request) {
            String key = switch (request.sort()) {
                case RELEVANCE -> Float.toString(rank);
                case UPDATED, UPDATED_DESC -> updatedAt.toString();
                case TITLE, TITLE_DESC -> titleKey;
                case YEAR -> Integer.toString(yearAscKey);
                case YEAR_DESC -> Integer.toString(yearDescKey);
            };
            return new SearchCursor(request.sort().token(), request.fingerprint(), key, workId);
        }

        WorkSummary summary() {
            return new WorkSummary(workId, title, abstractText, authors, venue, url, affiliations, identifiers,
                    memberCount, year, firstSeen, updatedAt, rank, snippet, titleHighlight);
        }
    }
}
