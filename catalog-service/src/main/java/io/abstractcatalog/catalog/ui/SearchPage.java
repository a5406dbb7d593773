package io.abstractcatalog.catalog.ui;

import io.abstractcatalog.catalog.problem.ProblemException;
import io.abstractcatalog.catalog.search.GroupCount;
import io.abstractcatalog.catalog.search.SearchRequest;
import io.abstractcatalog.catalog.search.WorkPage;
import io.abstractcatalog.catalog.search.WorkSearch;
import io.abstractcatalog.catalog.work.SourceView;
import io.abstractcatalog.catalog.work.WorkDetail;
import io.abstractcatalog.catalog.work.WorkLookup;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final WorkSearch search;
    private final WorkLookup lookup;
    private final Template page;
    private final Template work;

    SearchPage(WorkSearch search, WorkLookup lookup, @Location("search.html") Template page,
               @Location("work.html") Template work) {
        this.search = search;
        this.lookup = lookup;
        this.page = page;
        this.work = work;
    }

    /** A facet value as a link that adds (or, when active, removes) its filter. */
    public record FacetLink(String label, long count, String href, boolean active) {
    }

    /** A filter in force, with the link that removes it. */
    public record ActiveFilter(String name, String value, String removeHref) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The search page", description = "Search box, results with highlighted snippets, facet "
            + "filters (affiliation, file) and paging. Same parameters as GET /works.")
    public Response search(@QueryParam("q") String q, @QueryParam("affiliation") String affiliation,
                           @QueryParam("source") String source, @QueryParam("cursor") String cursor,
                           @QueryParam("page") String pageNumber) throws SQLException {
        Map<String, String> state = new LinkedHashMap<>();
        put(state, "q", q);
        put(state, "affiliation", affiliation);
        put(state, "source", source);
        int number = pageNumber(pageNumber);
        WorkPage results;
        try {
            results = search.search(SearchRequest.of(q, affiliation, source, null, null, null, null, "20", null,
                    "affiliation,source", cursor));
        } catch (ProblemException e) {
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page.data("q", blank(q)).data("error", e.getMessage()).data("results", null)
                            .data("facets", Map.of()).data("active", List.of()).data("next", null)
                            .data("first", null).data("page", 1).render())
                    .build();
        }
        Map<String, List<FacetLink>> facets = new LinkedHashMap<>();
        facets.put("Affiliation", facet(state, "affiliation", results.groups().get("affiliation")));
        facets.put("File", facet(state, "source", results.groups().get("source")));
        List<ActiveFilter> active = state.entrySet().stream().filter(e -> !e.getKey().equals("q"))
                .map(e -> new ActiveFilter(e.getKey(), e.getValue(), href(state, e.getKey(), null))).toList();
        String next = null;
        if (results.nextCursor() != null) {
            Map<String, String> nextState = new LinkedHashMap<>(state);
            nextState.put("cursor", results.nextCursor());
            nextState.put("page", Integer.toString(number + 1));
            next = href(nextState, null, null);
        }
        String first = cursor == null || cursor.isBlank() ? null : href(state, null, null);
        return Response.ok(page.data("q", blank(q)).data("error", null).data("results", results)
                        .data("facets", facets).data("active", active).data("next", next).data("first", first)
                        .data("page", number).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("ui/works/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page of one work", description = "The work, every record it was seen in (file, format, "
            + "line) and its duplicates. A merged work redirects (301) to the surviving work's page.")
    public Response work(@PathParam("id") String id) throws SQLException {
        Optional<WorkDetail> found = lookup.find(id);
        if (found.isEmpty()) {
            Optional<String> survivor = lookup.survivorOf(id);
            if (survivor.isPresent()) {
                return Response.status(Response.Status.MOVED_PERMANENTLY)
                        .header(HttpHeaders.LOCATION, "/ui/works/" + encode(survivor.get())).build();
            }
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(work.data("work", null).data("id", id).data("files", 0).render()).build();
        }
        WorkDetail detail = found.get();
        long files = detail.sources().stream().map(s -> s.bucket() + "/" + s.key()).distinct().count();
        return Response.ok(work.data("work", detail).data("id", id).data("files", files).render(),
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** Links to filter files by their key, for the work page. */
    public static String sourceHref(SourceView source) {
        return "/?source=" + encode(source.key());
    }

    private static List<FacetLink> facet(Map<String, String> state, String name, List<GroupCount> counts) {
        if (counts == null) {
            return List.of();
        }
        return counts.stream().map(count -> {
            boolean active = count.key().equalsIgnoreCase(state.getOrDefault(name, ""));
            return new FacetLink(count.key(), count.count(), href(state, name, active ? null : count.key()), active);
        }).toList();
    }

    /** The page URL for the current state with one parameter set (or removed, when value is null). */
    private static String href(Map<String, String> state, String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(state);
        if (name != null) {
            next.remove(name);
            if (value != null) {
                next.put(name, value);
            }
        }
        StringBuilder url = new StringBuilder("/");
        String separator = "?";
        for (Map.Entry<String, String> entry : next.entrySet()) {
            url.append(separator).append(entry.getKey()).append('=').append(encode(entry.getValue()));
            separator = "&";
        }
        return url.toString();
    }

    private static void put(Map<String, String> state, String name, String value) {
        if (value != null && !value.isBlank()) {
            state.put(name, value.strip());
        }
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
