package io.abstractcatalog.catalog.search;

/**
 * The query of one facet: counts over the works matching q and the filters (the cursor does not narrow them), all of
 * them when at most the facet window match, else the window's newest matches, found as the rank window is (see
 * {@link PageQuery}). Its rows are key, n, counted (how many matches were counted, one more than the window when
 * matches were left out) and distinct_values (how many values the facet has among them). Pure: text and binds only.
 */
final class FacetQuery {

    /** Most values of one facet. */
    static final int GROUP_SIZE = 20;
    private static final String COLUMNS = "w.work_id, w.year, w.updated_at, w.venue, w.venue_key";

    private FacetQuery() {
    }

    static Sql of(SearchRequest request, PhrasePairs phrases, String group, WindowScan scan) {
        Sql sql = WindowQuery.sources(request, phrases, scan, COLUMNS)
                .append(", counted AS MATERIALIZED (")
                .append(WindowQuery.windowed(request, scan, COLUMNS))
                .append(") ");
        String matching = "SELECT * FROM counted ORDER BY updated_at DESC, work_id LIMIT ?";
        // The window function runs after GROUP BY and before LIMIT: the number of distinct values, at no extra read.
        String counted = ", (SELECT count(*) FROM counted) AS counted, count(*) OVER () AS distinct_values";
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
        }, scan.window().size());
        return sql.append(" LIMIT ?", GROUP_SIZE);
    }
}
