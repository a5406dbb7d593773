package io.abstractcatalog.catalog.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.abstractcatalog.catalog.search.WorkSummary;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/** An export's answer: the works written in one format as they come, as a download that names itself. */
final class WorkStream {

    /** Where the works come from: they are handed to the writer one by one, never collected. */
    @FunctionalInterface
    interface Source {
        void forEach(ExportWriter writer) throws SQLException, IOException;
    }

    private WorkStream() {
    }

    /** The format the (negotiated, see {@link ExportNegotiation}) Accept header names. */
    static ExportFormat format(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            var format = ExportFormat.byMediaType(type);
            if (format.isPresent()) {
                return format.get();
            }
        }
        throw new IllegalStateException("no export format in Accept " + headers.getAcceptableMediaTypes());
    }

    static Response of(ExportFormat format, String name, ObjectMapper json, Source source) {
        StreamingOutput body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            ExportWriter writer = format.writer(out, json);
            writer.start();
            try {
                source.forEach(writer);
            } catch (SQLException e) {
                // The status line is gone with the first bytes: failing the stream makes the transfer end without its
                // last chunk, so a client sees a broken download rather than a complete-looking, short file.
                throw new IOException("export failed after it started: " + e.getMessage(), e);
            }
            writer.finish();
            out.flush();
        };
        return Response.ok(body, new MediaType(format.mediaType().getType(), format.mediaType().getSubtype(),
                        StandardCharsets.UTF_8.name()))
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension() + "\"")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    /** One work (GET /works/{id}) as a source. */
    static Source of(WorkSummary work) {
        return writer -> writer.write(work);
    }
}
