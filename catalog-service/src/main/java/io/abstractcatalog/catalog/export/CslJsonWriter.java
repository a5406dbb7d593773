package io.abstractcatalog.catalog.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.abstractcatalog.catalog.search.WorkSummary;
import io.abstractcatalog.contract.Author;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSL-JSON, the input of citeproc (Zotero, Mendeley, pandoc): an array of items as the CSL data schema
 * (csl-data.json) describes them: id (the work id), citation-key ({@link BibtexKey}), type (article-journal with a
 * venue, else article), title, author [{family, given}] (or {literal} for a name never split), issued {date-parts},
 * container-title, DOI, PMID, PMCID, URL (the work's link, else its arXiv page), abstract, and for an arXiv id
 * archive "arXiv" with archive_location the id. Written item by item with the service's one mapper.
 */
final class CslJsonWriter implements ExportWriter {

    private final JsonGenerator json;

    CslJsonWriter(Writer out, ObjectMapper mapper) {
        try {
            this.json = mapper.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void start() throws IOException {
        json.writeStartArray();
    }

    @Override
    public void write(WorkSummary work) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", work.workId());
        json.writeStringField("citation-key", BibtexKey.of(work));
        json.writeStringField("type", work.venue() != null ? "article-journal" : "article");
        string("title", work.title());
        if (work.authors() != null && !work.authors().isEmpty()) {
            json.writeArrayFieldStart("author");
            for (Author author : work.authors()) {
                if (author.family() == null && author.name() == null) {
                    continue;
                }
                json.writeStartObject();
                if (author.family() == null) {
                    string("literal", author.name());
                } else {
                    string("family", author.family());
                    string("given", author.given());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (work.year() != null) {
            json.writeObjectFieldStart("issued");
            json.writeArrayFieldStart("date-parts");
            json.writeStartArray();
            json.writeNumber(work.year());
            json.writeEndArray();
            json.writeEndArray();
            json.writeEndObject();
        }
        string("container-title", work.venue());
        List<String> arxiv = List.of();
        if (work.identifiers() != null) {
            string("DOI", first(work.identifiers().doi()));
            string("PMID", first(work.identifiers().pmid()));
            string("PMCID", first(work.identifiers().pmcid()));
            arxiv = work.identifiers().arxiv();
        }
        string("URL", work.url() != null ? work.url() : arxiv.isEmpty() ? null : "https://arxiv.org/abs/" + arxiv.get(0));
        if (!arxiv.isEmpty()) {
            string("archive", "arXiv");
            string("archive_location", arxiv.get(0));
        }
        string("abstract", work.abstractText());
        json.writeEndObject();
    }

    @Override
    public void finish() throws IOException {
        json.writeEndArray();
        json.flush();
    }

    private void string(String name, String value) throws IOException {
        if (value != null && !value.isBlank()) {
            json.writeStringField(name, value);
        }
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
