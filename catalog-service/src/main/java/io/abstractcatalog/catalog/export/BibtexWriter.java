package io.abstractcatalog.catalog.export;

import io.abstractcatalog.catalog.search.WorkSummary;
import io.abstractcatalog.contract.Author;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * BibTeX: one {@code @article} (a work with a venue) or {@code @misc} entry per work, keyed by {@link BibtexKey}.
 * Values are braced and LaTeX-escaped, so BibTeX, biber and LaTeX read back exactly the catalog's text: {@code # $ % &
 * _} get a backslash, {@code \ { } ~ ^} become {@code {\textbackslash}}, {@code {\textbraceleft}} … (balanced, as
 * BibTeX counts braces even after a backslash). Other characters stay UTF-8, which JabRef, Zotero and biber read;
 * the file starts with JabRef's {@code % Encoding: UTF-8} line. Line breaks inside a value become spaces (every
 * BibTeX reader folds them so). Titles are double-braced: styles must not change their case.
 */
final class BibtexWriter implements ExportWriter {

    private static final Pattern AND = Pattern.compile("(?i)(^|\\s)and(\\s|$)");

    private final Writer out;

    BibtexWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void start() throws IOException {
        out.write("% Encoding: UTF-8\n");
    }

    @Override
    public void write(WorkSummary work) throws IOException {
        StringBuilder entry = new StringBuilder(512 + length(work.abstractText()));
        entry.append('\n').append(work.venue() != null ? "@article{" : "@misc{").append(BibtexKey.of(work));
        field(entry, "author", authors(work.authors()));
        if (work.title() != null) {
            field(entry, "title", "{" + escape(work.title()) + "}");
        }
        if (work.venue() != null) {
            field(entry, "journal", escape(work.venue()));
        }
        if (work.year() != null) {
            field(entry, "year", work.year().toString());
        }
        if (work.identifiers() != null) {
            // One value per field: BibTeX has no lists of DOIs; a work with two keeps its first (sorted) one.
            first(work.identifiers().doi(), value -> field(entry, "doi", escape(value)));
            first(work.identifiers().arxiv(), value -> {
                field(entry, "eprint", escape(value));
                field(entry, "archivePrefix", "arXiv");
            });
            first(work.identifiers().pmid(), value -> field(entry, "pmid", value));
            first(work.identifiers().pmcid(), value -> field(entry, "pmcid", value));
        }
        if (work.url() != null) {
            field(entry, "url", escape(work.url()));
        }
        if (work.abstractText() != null && !work.abstractText().isBlank()) {
            field(entry, "abstract", escape(work.abstractText()));
        }
        entry.append("\n}\n");
        out.write(entry.toString());
    }

    private static void field(StringBuilder entry, String name, String value) {
        if (value != null && !value.isEmpty()) {
            entry.append(",\n  ").append(name).append(" = {").append(value).append('}');
        }
    }

    private static void first(List<String> values, java.util.function.Consumer<String> field) {
        if (values != null && !values.isEmpty()) {
            field.accept(values.get(0));
        }
    }

    /** "Family, Given and Family, Given"; a name BibTeX would split wrongly is braced whole. */
    static String authors(List<Author> authors) {
        if (authors == null || authors.isEmpty()) {
            return null;
        }
        StringBuilder names = new StringBuilder();
        for (Author author : authors) {
            String family = author.family();
            String given = author.given();
            if (family == null && author.name() == null) {
                continue;
            }
            if (!names.isEmpty()) {
                names.append(" and ");
            }
            if (family == null) {
                // A name never split (an organisation, "The ABC Consortium"): one brace group is one last name.
                names.append('{').append(escape(author.name())).append('}');
            } else if (given == null) {
                names.append(family.contains(" ") || family.contains(",") ? "{" + escape(family) + "}" : escape(family));
            } else {
                names.append(part(family)).append(", ").append(part(given));
            }
        }
        return names.isEmpty() ? null : names.toString();
    }

    /** A part of a name: braced when it holds a comma or the word "and", which would split it. */
    private static String part(String text) {
        String escaped = escape(text);
        return text.contains(",") || AND.matcher(text).find() ? "{" + escaped + "}" : escaped;
    }

    /** The text as LaTeX that reads back as exactly this text, on one line. */
    static String escape(String text) {
        String line = ExportWriter.oneLine(text);
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '#', '$', '%', '&', '_' -> out.append('\\').append(c);
                case '\\' -> out.append("{\\textbackslash}");
                case '{' -> out.append("{\\textbraceleft}");
                case '}' -> out.append("{\\textbraceright}");
                case '~' -> out.append("{\\textasciitilde}");
                case '^' -> out.append("{\\textasciicircum}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
