package io.abstractcatalog.catalog.search;

/**
 * FROM and WHERE of the works matching q and the filters (alias w; the query as "query" when q is given), for each
 * of the sources a search draws works from. Pure: text and binds only.
 */
final class MatchingWorks {

    /** The rows a FROM draws works from (alias w). */
    enum Works {
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
        /**
         * The works of an author as rows of one word of the name (alias aw) joined to their works, for
         * sort=updated/-updated: as for affiliations, the page is the first rows of one walk of index
         * work_author_word_newest_idx (V12); and for a window on path {@link WindowPath#AUTHOR}, its first matches.
         */
        BY_AUTHOR("work_author_word aw JOIN work w ON w.work_id = aw.work_id"),
        /** The works whose title holds q as a phrase (plain words), found through the keys of its pairs (V10). */
        TITLED("work w");

        private final String from;

        Works(String from) {
            this.from = from;
        }
    }

    /** The keys of q's adjacent pairs, by the function that keys the column (V10): the pairs of q read as a phrase. */
    static final String Q_KEYS = "phrase_keys(to_tsvector('english', ?))";

    private MatchingWorks() {
    }

    /** FROM and WHERE over the given works; {@code phrases} are what q's phrases require (see {@link SearchPlanner}). */
    static Sql fromWhere(SearchRequest request, PhrasePairs phrases, Works works) {
        return where(request, phrases, works, Sql.of(" FROM " + works.from));
    }

    /** FROM and WHERE over the newest {@code probe} works (Works.PROBED), for the planner's estimate of the probe. */
    static Sql fromWhereProbed(SearchRequest request, PhrasePairs phrases, int probe) {
        return where(request, phrases, Works.PROBED, Sql.of(" FROM " + Works.PROBED.from, probe));
    }

    /**
     * The word of author= whose rows Works.BY_AUTHOR walks: the longest, as the likeliest to be rare (a family name
     * rather than an initial or a common given name); the author condition still checks every word.
     */
    static String walkedAuthorWord(SearchRequest request) {
        String longest = request.authorWords().get(0);
        for (String word : request.authorWords()) {
            if (word.length() > longest.length()) {
                longest = word;
            }
        }
        return longest;
    }

    private static Sql where(SearchRequest request, PhrasePairs phrases, Works works, Sql sql) {
        if (request.q() != null) {
            sql.append(", websearch_to_tsquery('english', ?) query", request.q());
        }
        sql.append(" WHERE TRUE");
        if (works == Works.TITLED) {
            // Weight A marks the title's lexemes (V1); "IS TRUE" keeps the index over words out, as below. For plain
            // words the title phrase implies q; q is still checked, so a syntax isPlain misreads never adds a non-match.
            sql.append(" AND w.phrase_keys @> " + Q_KEYS
                    + " AND (ts_filter(w.search_vector, '{a}') @@ phraseto_tsquery('english', ?)) IS TRUE"
                    + " AND (w.search_vector @@ query) IS TRUE", request.q(), request.q());
        } else if (!phrases.isEmpty() && works != Works.NEWEST) {
            // A phrase: the works holding every pair's key (V10), and the query's other lexemes through the index over
            // words, are the candidates whose word positions are checked. "IS TRUE" keeps the planner from also
            // intersecting the phrase's words in the index over words: for two words each in 16 % of the works that
            // decodes ~300,000 postings (~30 ms), which it costs far below reading the ~500 candidates (~1.5 ms).
            sql.append(" AND w.phrase_keys @> ARRAY[");
            for (int i = 0; i < phrases.pairs().size(); i++) {
                sql.append(i == 0 ? "phrase_key(?)" : ", phrase_key(?)", phrases.pairs().get(i));
            }
            sql.append("]");
            if (phrases.otherTerms() != null) {
                sql.append(" AND w.search_vector @@ ?::tsquery", phrases.otherTerms());
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
                    + " AND other.affiliation < a.affiliation)", request.affiliation());
        } else if (request.affiliation() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM work_affiliation a"
                    + " WHERE a.work_id = w.work_id AND lower(a.affiliation) = lower(?))", request.affiliation());
        }
        if (request.source() != null) {
            // A file key or a format: two indexed probes rather than an OR that no index serves.
            sql.append(" AND (EXISTS (SELECT 1 FROM work_source s WHERE s.work_id = w.work_id AND s.object_key = ?)"
                    + " OR EXISTS (SELECT 1 FROM work_source s WHERE s.work_id = w.work_id AND s.format = ?))",
                    request.source(), request.source());
        }
        if (request.hasDuplicates() != null) {
            sql.append(request.hasDuplicates() ? " AND w.member_count > 1" : " AND w.member_count <= 1");
        }
        if (request.hasAbstract() != null) {
            // '' is a work without abstract (V13), whose partial index serves has_abstract=false newest first
            sql.append(request.hasAbstract() ? " AND w.abstract_text <> ''" : " AND w.abstract_text = ''");
        }
        if (request.doi() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM work_identifier i"
                    + " WHERE i.work_id = w.work_id AND i.kind = 'doi' AND lower(i.value) = ?)", request.doi());
        }
        if (works == Works.BY_AUTHOR) {
            sql.append(" AND aw.word = ?", walkedAuthorWord(request));
        }
        if (!request.authorWords().isEmpty() && !(works == Works.BY_AUTHOR && request.authorWords().size() == 1)) {
            // One author's name holds every word: author=Geoffrey Hinton never matches a Geoffrey and a Hinton.
            sql.append(" AND EXISTS (SELECT 1 FROM work_author au WHERE au.work_id = w.work_id"
                    + " AND au.name_words @> ?::text[])", (Object) request.authorWords().toArray(String[]::new));
        }
        if (request.venue() != null) {
            sql.append(" AND w.venue_key = ?", request.venue());
        }
        if (request.pmid() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM work_identifier i"
                    + " WHERE i.work_id = w.work_id AND i.kind = 'pmid' AND i.value = ?)", request.pmid());
        }
        if (request.yearFrom() != null) {
            sql.append(" AND w.year >= ?", request.yearFrom());
        }
        if (request.yearTo() != null) {
            sql.append(" AND w.year <= ?", request.yearTo());
        }
        return sql;
    }
}
