package io.abstractcatalog.catalog.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.abstractcatalog.catalog.search.WorkSummary;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON Lines: each work as one line of JSON ended by a line feed, the object of an item of GET /works, written by
 * the service's one mapper (which escapes line breaks inside strings, so a line is a work).
 */
final class JsonLinesWriter implements ExportWriter {

    private final Writer out;
    private final ObjectWriter json;

    JsonLinesWriter(Writer out, ObjectMapper json) {
        this.out = out;
        this.json = json.writer();
    }

    @Override
    public void write(WorkSummary work) throws IOException {
        out.write(json.writeValueAsString(work));
        out.write('\n');
    }
}
