package io.abstractcatalog.catalog.export;

import io.abstractcatalog.catalog.search.WorkSummary;
import io.abstractcatalog.contract.Author;
import java.io.IOException;
import java.io.Writer;

/**
 * RIS: one record per work, {@code TY} to {@code ER}, tags in the standard's form {@code "XX  - value"}: TY (JOUR for a
 * work with a venue, else GEN), ID (the work id), TI, AU (one per author, "Family, Given"), PY, T2 (the venue), AB,
 * DO (one per DOI), UR (the work's link, then an arxiv.org and a PubMed link per id, which readers keep as links),
 * AN (the PubMed id, as PubMed's own RIS export and Zotero write it), ER. Every value is one line (a line break
 * inside would end the value for most readers): line breaks become spaces. UTF-8, which Zotero, EndNote and Mendeley read.
 */
final class RisWriter implements ExportWriter {


    private final Writer out;

    RisWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(WorkSummary work) throws IOException {
        StringBuilder record = new StringBuilder(512 + (work.abstractText() == null ? 0 : work.abstractText().length()));
        tag(record, "TY", work.venue() != null ? "JOUR" : "GEN");
        tag(record, "ID", work.workId());
        tag(record, "TI", work.title());
        if (work.authors() != null) {
            for (Author author : work.authors()) {
                tag(record, "AU", author.family() == null ? author.name()
                        : author.given() == null ? author.family() : author.family() + ", " + author.given());
            }
        }
        tag(record, "PY", work.year() == null ? null : work.year().toString());
        tag(record, "T2", work.venue());
        tag(record, "AB", work.abstractText());
        if (work.identifiers() != null) {
            work.identifiers().doi().forEach(doi -> tag(record, "DO", doi));
        }
        tag(record, "UR", work.url());
        if (work.identifiers() != null) {
            work.identifiers().arxiv().forEach(id -> tag(record, "UR", "https://arxiv.org/abs/" + id));
            work.identifiers().pmid().forEach(id -> tag(record, "UR", "https://pubmed.ncbi.nlm.nih.gov/" + id + "/"));
            work.identifiers().pmid().forEach(id -> tag(record, "AN", id));
        }
        record.append("ER  - \r\n");
        out.write(record.toString());
    }

    private static void tag(StringBuilder record, String tag, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        record.append(tag).append("  - ").append(ExportWriter.oneLine(value)).append("\r\n");
    }
}
