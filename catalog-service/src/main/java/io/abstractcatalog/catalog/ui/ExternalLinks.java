package io.abstractcatalog.catalog.ui;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Links from the work page to the outside: the resolvers of each identifier kind, and a source's own URL only when it
 * is http(s), so a {@code javascript:} or {@code data:} URL from a record can never become a link.
 */
final class ExternalLinks {

    private ExternalLinks() {
    }

    static String doi(String doi) {
        // A DOI may hold ? # % and other characters that mean something in a URL; its slashes stay readable.
        return "https://doi.org/" + SearchState.encode(doi).replace("%2F", "/");
    }

    static String arxiv(String id) {
        return "https://arxiv.org/abs/" + SearchState.encode(id).replace("%2F", "/");
    }

    static String pmid(String id) {
        return "https://pubmed.ncbi.nlm.nih.gov/" + SearchState.encode(id) + "/";
    }

    static String pmcid(String id) {
        return "https://pmc.ncbi.nlm.nih.gov/articles/" + SearchState.encode(id) + "/";
    }

    static String orcid(String id) {
        return "https://orcid.org/" + SearchState.encode(id);
    }

    /** The URL when it is an absolute http or https URL with a host, else null (shown as text, not linked). */
    static String web(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
