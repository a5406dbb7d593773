package io.abstractcatalog.loadtest.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

/** The formats the generator writes, each as ingest-service reads it (see ingest-service/README.md, Formats). */
public enum FileFormat {

    /** One JSON object per line: id, title, abstract, authors (array), affiliations (array), year. */
    JSON_LINES("jsonl", "json-lines") {
        @Override
        void writeHeader(Writer out, List<GeneratedRecord> records) {
        }

        @Override
        void write(Writer out, GeneratedRecord record) throws IOException {
            StringWriter line = new StringWriter(record.abstractText().length() + 256);
            try (JsonGenerator json = JSON.createGenerator(line)) {
                json.writeStartObject();
                json.writeStringField("id", record.id());
                json.writeStringField("title", record.title());
                json.writeStringField("abstract", record.abstractText());
                json.writeArrayFieldStart("authors");
                for (String author : record.authors()) {
                    json.writeString(author);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("affiliations");
                json.writeString(record.affiliation());
                json.writeEndArray();
                json.writeNumberField("year", record.year());
                json.writeEndObject();
            }
            out.write(line.toString());
            out.write('\n');
        }
    },

    /** RFC 4180 CSV with a header; authors joined with "; " (ingest splits on ';'); values quoted. */
    CSV("csv", "csv") {
        @Override
        void writeHeader(Writer out, List<GeneratedRecord> records) throws IOException {
            out.write("id,title,abstract,authors,affiliations,year\n");
        }

        @Override
        void write(Writer out, GeneratedRecord record) throws IOException {
            out.write(quote(record.id()));
            out.write(',');
            out.write(quote(record.title()));
            out.write(',');
            out.write(quote(record.abstractText()));
            out.write(',');
            out.write(quote(String.join("; ", record.authors())));
            out.write(',');
            out.write(quote(record.affiliation()));
            out.write(',');
            out.write(Integer.toString(record.year()));
            out.write('\n');
        }
    },

    /**
     * The samples' affiliation page: the institution on the first line, then one "Abstract:" line per record. It
     * has no title, authors or year, and every record gets the page's institution.
     */
    AFFILIATION_PAGE("txt", "affiliation-page") {
        @Override
        void writeHeader(Writer out, List<GeneratedRecord> records) throws IOException {
            out.write(records.isEmpty() ? SyntheticWorks.INSTITUTIONS.get(0) : records.get(0).affiliation());
            out.write('\n');
        }

        @Override
        void write(Writer out, GeneratedRecord record) throws IOException {
            out.write("Abstract:");
            out.write(record.abstractText());
            out.write('\n');
        }
    };

    private static final JsonFactory JSON = new JsonFactory();

    private final String extension;
    private final String ingestName;

    FileFormat(String extension, String ingestName) {
        this.extension = extension;
        this.ingestName = ingestName;
    }

    public String extension() {
        return extension;
    }

    /** The format name ingest-service records in the ledger and in each record's provenance. */
    public String ingestName() {
        return ingestName;
    }

    /** Writes a whole file. */
    public void write(Writer out, List<GeneratedRecord> records) throws IOException {
        writeHeader(out, records);
        for (GeneratedRecord record : records) {
            write(out, record);
        }
    }

    abstract void writeHeader(Writer out, List<GeneratedRecord> records) throws IOException;

    abstract void write(Writer out, GeneratedRecord record) throws IOException;

    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
