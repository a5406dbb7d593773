package io.abstractcatalog.catalog.export;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.abstractcatalog.catalog.search.WorkSummary;
import io.abstractcatalog.contract.Author;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * CSV as RFC 4180 has it (Jackson's CSV generator does the quoting): a header line of {@link #COLUMNS}, then one row
 * per work, CRLF line ends, a field quoted when it holds a comma, a quote (doubled) or a line break; text is kept as
 * it is, line breaks included. A column of several values joins them: authors ("Family, Given") and affiliations
 * with "; ", identifiers with a space (no DOI, arXiv id or PubMed id holds one).
 */
final class CsvWriter implements ExportWriter {

    /** The columns, in order; the README lists what each holds. */
    static final List<String> COLUMNS = List.of("work_id", "title", "authors", "year", "venue", "doi", "arxiv", "pmid",
            "pmcid", "url", "abstract", "affiliations", "member_count", "first_seen", "updated_at");
    private static final CsvMapper MAPPER = new CsvMapper();

    private final Writer out;
    private SequenceWriter rows;

    CsvWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void start() throws IOException {
        // The header by hand: Jackson writes its own only with a first row, and an empty export is a header alone.
        out.write(String.join(",", COLUMNS) + "\r\n");
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false).setLineSeparator("\r\n");
        COLUMNS.forEach(schema::addColumn);
        rows = MAPPER.writer(schema.build()).writeValues(out);
    }

    @Override
    public void write(WorkSummary work) throws IOException {
        var ids = work.identifiers();
        rows.write(new String[] {work.workId(), work.title(), authors(work.authors()),
                work.year() == null ? null : work.year().toString(), work.venue(),
                ids == null ? null : String.join(" ", ids.doi()), ids == null ? null : String.join(" ", ids.arxiv()),
                ids == null ? null : String.join(" ", ids.pmid()), ids == null ? null : String.join(" ", ids.pmcid()),
                work.url(), work.abstractText(),
                work.affiliations() == null ? null : String.join("; ", work.affiliations()),
                work.memberCount() == null ? null : work.memberCount().toString(),
                Objects.toString(work.firstSeen(), null), Objects.toString(work.updatedAt(), null)});
    }

    @Override
    public void finish() throws IOException {
        // Flushes the generator's buffer without closing the response's stream.
        rows.flush();
    }

    private static String authors(List<Author> authors) {
        if (authors == null) {
            return null;
        }
        return String.join("; ", authors.stream().map(a -> a.family() == null ? a.name()
                : a.given() == null ? a.family() : a.family() + ", " + a.given()).filter(Objects::nonNull).toList());
    }
}
