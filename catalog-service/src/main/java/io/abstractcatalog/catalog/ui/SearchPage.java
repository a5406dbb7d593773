package io.abstractcatalog.catalog.ui;

import io.abstractcatalog.catalog.export.ExportFormat;
import io.abstractcatalog.contract.http.ProblemException;
import io.abstractcatalog.catalog.search.GroupCount;
import io.abstractcatalog.catalog.search.SearchRequest;
import io.abstractcatalog.catalog.search.WorkPage;
import io.abstractcatalog.catalog.search.WorkSearch;
import io.abstractcatalog.contract.FoldedText;
import io.abstractcatalog.catalog.work.MatchList;
import io.abstractcatalog.catalog.work.MatchLookup;
import io.abstractcatalog.catalog.work.SourceView;
import io.abstractcatalog.catalog.work.WorkDetail;
import io.abstractcatalog.catalog.work.WorkLookup;
import io.abstractcatalog.contract.http.ListMeta;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The search page for people: plain server-side HTML (Qute, escaped by default), no script and no external assets,
 * so it is fast, works with any browser and keyboard, and reads well in a screen reader. It uses the same
 * {@link WorkSearch} as GET /works, so the page and the API can never disagree.
 */
@Path("/")
@Tag(name = "Search page", description = "HTML pages for people")
public class SearchPage {

    /** Filters a facet link sets, with the facet's heading, in the order the facets are shown. */
    private static final Map<String, String> FACETS = orderedMap("year", "Year", "venue", "Venue",
            "affiliation", "Affiliation", "source", "File");
    /** Every filter's name on the page (active filters list), facets' and the form's. */
    private static final Map<String, String> FILTERS = orderedMap("author", "Author", "year", "Year", "venue", "Venue",
            "affiliation", "Affiliation", "source", "File");
    /** Parameters the form has visible inputs for; the other filters ride along as hidden inputs. */
    private static final Set<String> FORM_INPUTS = Set.of("q", "author", "year", "sort");

    private final WorkSearch search;
    private final WorkLookup lookup;
    private final MatchLookup matches;
    private final Template page;
    private final Template work;

    SearchPage(WorkSearch search, WorkLookup lookup, MatchLookup matches, @Location("search.html") Template page,
               @Location("work.html") Template work) {
        this.search = search;
        this.lookup = lookup;
        this.matches = matches;
        this.page = page;
        this.work = work;
    }

    /** A facet value as a link that adds (or, when active, removes) its filter. */
    public record FacetLink(String label, long count, String href, boolean active) {
    }

    /** A download of every result of the page's query in one export format. */
    public record Download(String label, String href) {
    }

    /** A filter in force, with the link that removes it. */
    public record ActiveFilter(String name, String label, String value, String removeHref) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The search page", description = "Search box with author, year range and sort, results "
            + "with authors, year, venue and highlighted snippets, facet filters (year, venue, affiliation, file) and "
            + "paging. Same parameters as GET /works, plus year_from and year_to, which make up its year.")
    public Response search(@QueryParam("q") String q, @QueryParam("author") String author,
                           @QueryParam("year") String year, @QueryParam("year_from") String yearFrom,
                           @QueryParam("year_to") String yearTo, @QueryParam("venue") String venue,
                           @QueryParam("affiliation") String affiliation, @QueryParam("source") String source,
                           @QueryParam("sort") String sort, @QueryParam("cursor") String cursor,
                           @QueryParam("page") String pageNumber, @Context UriInfo uri) throws SQLException {
        YearRange years = YearRange.of(year, yearFrom, yearTo);
        SearchState state = new SearchState().put("q", q).put("author", author).put("year", years.parameter())
                .put("venue", venue).put("affiliation", affiliation).put("source", source).put("sort", sort);
        if (isFormSubmission(uri.getQueryParameters())) {
            // The form sends empty inputs and the year as two; the page's own URL is the one its links use.
            return Response.seeOther(URI.create(state.href())).build();
        }
        TemplateInstance view = page.data("q", blank(q)).data("author", blank(author)).data("years", years)
                .data("sorts", SortChoice.options(state.get("q") != null, state.get("sort")))
                .data("hidden", filters(state, name -> !FORM_INPUTS.contains(name)))
                .data("active", filters(state, FILTERS::containsKey))
                .data("downloads", Arrays.stream(ExportFormat.values())
                        .map(format -> new Download(format.label(), state.exportHref(format.token()))).toList());
        int number = pageNumber(pageNumber);
        WorkPage results;
        try {
            results = search.search(SearchRequest.of(state.get("q"), state.get("affiliation"), state.get("source"),
                    null, null, null, state.get("author"), state.get("venue"), null, state.get("year"), state.get("sort"),
                    "20", null, String.join(",", FACETS.keySet()), cursor));
        } catch (ProblemException e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(view.data("error", e.getMessage()).data("results", null).data("facets", Map.of())
                            .data("found", null)
                            .data("next", null).data("first", null).data("page", 1).render())
                    .build();
        }
        Map<String, List<FacetLink>> facets = new LinkedHashMap<>();
        FACETS.forEach((name, heading) -> facets.put(heading, facet(state, name, results.groups().get(name).results())));
        String next = results.nextCursor() == null ? null : state.nextPageHref(results.nextCursor(), number + 1);
        String first = cursor == null || cursor.isBlank() ? null : state.href();
        return Response.ok(view.data("error", null).data("results", results).data("facets", facets)
                        .data("found", found(results.meta()))
                        .data("next", next).data("first", first).data("page", number).render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("ui/works/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page of one work", description = "The work, every record it was seen in (file, format, "
            + "line), its duplicates and why they are one work. A merged work redirects (301) to the surviving work's page.")
    public Response work(@PathParam("id") String id) throws SQLException {
        Optional<WorkDetail> found = lookup.find(id);
        if (found.isEmpty()) {
            Optional<String> survivor = lookup.survivorOf(id);
            if (survivor.isPresent()) {
                return Response.status(Response.Status.MOVED_PERMANENTLY)
                        .header(HttpHeaders.LOCATION, "/ui/works/" + SearchState.encode(survivor.get())).build();
            }
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(work.data("work", null).data("id", id).data("files", 0).data("matches", null).render()).build();
        }
        WorkDetail detail = found.get();
        long files = detail.sources().stream().map(s -> s.bucket() + "/" + s.key()).distinct().count();
        MatchList why = matches.matches(id).orElse(null); // null: merged away between the two reads
        return Response.ok(work.data("work", detail).data("id", id).data("files", files).data("matches", why).render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** "302 results", "1 result", or "About 48,000 results" when the count is the planner's estimate. */
    static String found(ListMeta meta) {
        String number = String.format(Locale.ENGLISH, "%,d", meta.count());
        String noun = meta.count() == 1 ? " result" : " results";
        return meta.countKind() == ListMeta.CountKind.ESTIMATE ? "About " + number + noun : number + noun;
    }

    /** Links to filter files by their key, for the work page. */
    public static String sourceHref(SourceView source) {
        return "/?source=" + SearchState.encode(source.key());
    }

    /** A submitted form (year_from/year_to, or empty inputs) rather than one of the page's own tidy URLs. */
    private static boolean isFormSubmission(MultivaluedMap<String, String> parameters) {
        return parameters.containsKey("year_from") || parameters.containsKey("year_to")
                || parameters.values().stream().flatMap(List::stream).anyMatch(String::isBlank);
    }

    private static List<FacetLink> facet(SearchState state, String name, List<GroupCount> counts) {
        if (counts == null) {
            return List.of();
        }
        return counts.stream().map(count -> {
            boolean active = sameValue(name, count.key(), state.get(name));
            return new FacetLink(count.key(), count.count(), state.href(name, active ? null : count.key()), active);
        }).toList();
    }

    /** Whether a facet value is the filter in force, compared as the API compares that filter. */
    private static boolean sameValue(String name, String facetValue, String filter) {
        if (filter == null) {
            return false;
        }
        // A venue filter matches every spelling of the venue (case, accents, punctuation); the facet shows one.
        return name.equals("venue") ? FoldedText.of(facetValue).equals(FoldedText.of(filter))
                : facetValue.equalsIgnoreCase(filter);
    }

    private static List<ActiveFilter> filters(SearchState state, Predicate<String> which) {
        List<ActiveFilter> filters = new ArrayList<>();
        for (Map.Entry<String, String> entry : state.entries()) {
            if (which.test(entry.getKey())) {
                filters.add(new ActiveFilter(entry.getKey(), FILTERS.getOrDefault(entry.getKey(), entry.getKey()),
                        entry.getValue(), state.href(entry.getKey(), null)));
            }
        }
        return List.copyOf(filters);
    }

    private static Map<String, String> orderedMap(String... namesAndLabels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndLabels.length; i += 2) {
            map.put(namesAndLabels[i], namesAndLabels[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static int pageNumber(String value) {
        try {
            int number = value == null ? 1 : Integer.parseInt(value.strip());
            return number < 1 || number > 1_000_000 ? 1 : number;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}
