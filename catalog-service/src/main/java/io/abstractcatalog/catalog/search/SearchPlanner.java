package io.abstractcatalog.catalog.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Chooses how a search runs ({@link SearchPlan}) from PostgreSQL's own parse of q and its planner's estimates, read
 * with EXPLAIN (a plan, no execution): what q's phrases require, whether titles are looked up, and each window's
 * path and probe start.
 */
final class SearchPlanner {

    private static final Logger LOG = Logger.getLogger(SearchPlanner.class);

    /**
     * At most this many works holding the keys of a plain query's adjacent pairs (as the planner estimates them) are
     * read to find those whose title holds the query as a phrase (see {@link PageQuery}); each costs a row read and a
     * check of its positions (~4 us). Keys held by more are too common to tell a title by.
     */
    static final long MAX_TITLE_HOLDERS = 1_000;
    /**
     * Titles are looked up for two pairs or more (three words in a row): at 1M works one pair's key is held by
     * hundreds of works (its bucket's other pairs; "transformer attention": 497, reading them +2.3 ms), two keys
     * together by a handful ("transformer attention graph": 2, +0.1 ms).
     */
    static final int MIN_TITLE_PAIRS = 2;
    /** The row estimate of a plan line, e.g. "Subquery Scan on w  (cost=0.42..4836.73 rows=322 width=4)". */
    private static final Pattern PLAN_ROWS = Pattern.compile(" rows=(\\d+) ");

    private SearchPlanner() {
    }

    /**
     * The plan of a search: the windows are found by the given path, or by the one the planner's estimate picks
     * (null); tests run each to show they find the same window.
     */
    static SearchPlan plan(Connection connection, SearchRequest request, RankWindow rankWindow, RankWindow facetWindow,
                           WindowPath path, ProbeStarts starts) throws SQLException {
        PhrasePairs phrases = phrases(connection, request);
        long titleHolders = estimateTitleHolders(connection, request);
        boolean titleLookup = titleHolders > 0 && titleHolders <= MAX_TITLE_HOLDERS;
        WindowPath rankPath = path;
        Long rankEstimate = null;
        Long matches = null;
        int rankDepth = rankWindow.probe();
        boolean windows = request.sort() == SearchSort.RELEVANCE || !request.groupBy().isEmpty();
        AuthorSide author = path == null && windows ? authorSide(connection, request, phrases, starts) : null;
        if (rankPath == null && request.sort() == SearchSort.RELEVANCE) {
            if (author != null && author.rarer()) {
                rankPath = WindowPath.AUTHOR;
                matches = author.matches();
            } else {
                rankEstimate = estimateProbeMatches(connection, request, phrases, rankWindow);
                rankDepth = WindowPath.depth(rankEstimate, rankWindow);
                rankPath = WindowPath.of(rankDepth);
                long works = starts.works(connection);
                // The probe's estimate is a selectivity times the probed works: the same selectivity over all of them.
                matches = Math.round(rankEstimate * (double) works / Math.max(1, Math.min(works, rankWindow.probe())));
            }
        }
        Instant rankStart = rankPath == WindowPath.PROBE ? starts.since(connection, rankDepth) : null;
        WindowScan facets = null;
        if (!request.groupBy().isEmpty()) {
            WindowPath facetPath = path;
            int facetDepth = facetWindow.probe();
            if (facetPath == null && author != null && author.rarer()) {
                facetPath = WindowPath.AUTHOR;
            } else if (facetPath == null) {
                // The same probe (the default: both read the newest 10,000 works) has the same estimate.
                long estimate = rankEstimate != null && facetWindow.probe() == rankWindow.probe() ? rankEstimate
                        : estimateProbeMatches(connection, request, phrases, facetWindow);
                facetDepth = WindowPath.depth(estimate, facetWindow);
                facetPath = WindowPath.of(facetDepth);
            }
            Instant facetStart = facetPath == WindowPath.PROBE ? starts.since(connection, facetDepth) : null;
            facets = new WindowScan(facetWindow, facetPath, facetStart);
        }
        return new SearchPlan(phrases, titleLookup, new WindowScan(rankWindow, rankPath, rankStart), facets, matches);
    }

    /**
     * The planner's estimates of author= against the rest of the request: how many works hold the walked word of the
     * name (rows of work_author_word) and how many match q and the other filters.
     *
     * @param works        works holding the walked word
     * @param others       works matching q and every filter but author=
     * @param catalogWorks works in the catalog (the planner's estimate)
     */
    record AuthorSide(long works, long others, long catalogWorks) {

        /**
         * Whether the window is found from the author's side: fewer of the author's works than matches of the rest
         * means walking them (newest first, until the window is full) reads fewer works than the text's matches or
         * the newest works would.
         */
        boolean rarer() {
            return works < others;
        }

        /** The estimate of every match, the two conditions taken as independent (as the planner itself does). */
        long matches() {
            return Math.round(others * (double) works / Math.max(1, catalogWorks));
        }
    }

    /** The author's and the rest's estimates; null without author= or without q (nothing else to weigh it against). */
    static AuthorSide authorSide(Connection connection, SearchRequest request, PhrasePairs phrases, ProbeStarts starts)
            throws SQLException {
        if (request.authorWords().isEmpty() || request.q() == null) {
            return null;
        }
        return new AuthorSide(plannedRows(connection, authorWorksEstimate(request)),
                plannedRows(connection, othersEstimate(request, phrases)), starts.works(connection));
    }

    /** The EXPLAIN of the works holding author='s walked word (see {@link MatchingWorks#walkedAuthorWord}). */
    static Sql authorWorksEstimate(SearchRequest request) {
        return Sql.of("EXPLAIN SELECT 1 FROM work_author_word aw WHERE aw.word = ?",
                MatchingWorks.walkedAuthorWord(request));
    }

    /** The EXPLAIN of the matches of q and every filter but author=. */
    static Sql othersEstimate(SearchRequest request, PhrasePairs phrases) {
        return Sql.of("EXPLAIN SELECT 1").append(MatchingWorks.fromWhere(request.withoutAuthor(), phrases,
                MatchingWorks.Works.ALL));
    }

    /**
     * What q's phrases require, read from PostgreSQL's own parse of q: one short query, only when q may hold a phrase
     * at all.
     */
    static PhrasePairs phrases(Connection connection, SearchRequest request) throws SQLException {
        if (!PhrasePairs.mayHoldPhrase(request.q())) {
            return PhrasePairs.NONE;
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
            return PhrasePairs.of(tsquery);
        } catch (IllegalArgumentException e) {
            // A tsquery form this code does not know (a newer PostgreSQL?) costs the phrase its shortcut, not results.
            LOG.warnf("searching without phrase keys: %s", e.getMessage());
            return PhrasePairs.NONE;
        }
    }

    /**
     * The planner's estimate of how many of the works the probe would read match q and the filters: PostgreSQL's
     * own statistics of the tsvector's words.
     */
    static long estimateProbeMatches(Connection connection, SearchRequest request, PhrasePairs phrases,
                                     RankWindow window) throws SQLException {
        return plannedRows(connection, probeEstimate(request, phrases, window));
    }

    /** The EXPLAIN of {@link #estimateProbeMatches}. */
    static Sql probeEstimate(SearchRequest request, PhrasePairs phrases, RankWindow window) {
        return Sql.of("EXPLAIN SELECT 1").append(MatchingWorks.fromWhereProbed(request, phrases, window.probe()));
    }

    /**
     * The planner's estimate of the works holding the keys of the pairs of q read as one phrase, filters aside (an
     * upper bound); 0 when q is not plain words ranked by relevance or has fewer than {@link #MIN_TITLE_PAIRS} pairs
     * (the planner folds the condition to false). The gate of the title lookup.
     */
    static long estimateTitleHolders(Connection connection, SearchRequest request) throws SQLException {
        if (request.sort() != SearchSort.RELEVANCE || !PhrasePairs.isPlain(request.q())) {
            return 0;
        }
        return plannedRows(connection, titleHoldersEstimate(request));
    }

    /** The EXPLAIN of {@link #estimateTitleHolders}. */
    static Sql titleHoldersEstimate(SearchRequest request) {
        return Sql.of("EXPLAIN SELECT 1 FROM work w WHERE w.phrase_keys @> " + MatchingWorks.Q_KEYS
                + " AND cardinality(" + MatchingWorks.Q_KEYS + ") >= ?", request.q(), request.q(), MIN_TITLE_PAIRS);
    }

    static long plannedRows(Connection connection, Sql explain) throws SQLException {
        try (PreparedStatement statement = explain.prepare(connection);
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
}
