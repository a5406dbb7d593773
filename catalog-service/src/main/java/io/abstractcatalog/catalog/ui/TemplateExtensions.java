package io.abstractcatalog.catalog.ui;

import io.abstractcatalog.contract.Author;
import io.quarkus.qute.TemplateExtension;
import java.util.List;

/** Helpers for the templates. Everything they return is text, escaped by the template like any other value. */
@TemplateExtension
public class TemplateExtensions {

    private static final int BRIEF = 320;

    /** The start of a long text, cut at a word, for result lists without a query (no snippet). */
    static String brief(String text) {
        if (text == null || text.length() <= BRIEF) {
            return text;
        }
        int cut = text.lastIndexOf(' ', BRIEF);
        return text.substring(0, cut > BRIEF / 2 ? cut : BRIEF) + " …";
    }

    static String urlEncode(String text) {
        return text == null ? "" : SearchState.encode(text);
    }

    /** "Geoffrey E. Hinton, Simon Osindero, Yee-Whye Teh et al.", or null without authors. */
    static String firstAuthors(List<Author> authors) {
        return AuthorNames.firstFew(authors);
    }

    static String shownName(Author author) {
        return AuthorNames.shown(author);
    }

    static String orcidHref(Author author) {
        return author.orcid() == null ? null : ExternalLinks.orcid(author.orcid());
    }

    /** The search for this author's works. */
    static String searchHref(Author author) {
        String name = AuthorNames.shown(author);
        return name == null ? null : "/?author=" + SearchState.encode(name);
    }

    static String doiHref(String doi) {
        return ExternalLinks.doi(doi);
    }

    static String arxivHref(String id) {
        return ExternalLinks.arxiv(id);
    }

    static String pmidHref(String id) {
        return ExternalLinks.pmid(id);
    }

    static String pmcidHref(String id) {
        return ExternalLinks.pmcid(id);
    }

    /** The URL if it is safe to link (http or https), else null. */
    static String webHref(String url) {
        return ExternalLinks.web(url);
    }
}
