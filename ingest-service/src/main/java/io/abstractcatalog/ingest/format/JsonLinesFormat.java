package io.abstractcatalog.ingest.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * JSON Lines: one JSON object per line ({@code {"id": "…", "title": "…", "abstract": "…", "authors": […]}}).
 * Blank lines are skipped; a line that is not a JSON object is rejected with its line number and the file goes on.
 */
public final class JsonLinesFormat implements LineFormat {

    public static final String NAME = "json-lines";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("jsonl", "ndjson", "jsonlines", "json");
    }

    @Override
    public int confidence(List<Line> head) {
        String first = head.get(0).text().strip();
        if (!first.startsWith("{")) {
            return 0;
        }
        return first.endsWith("}") || head.get(0).truncated() ? 95 : 0;
    }

    @Override
    public String nearMiss(Sniff sniff) {
        String first = sniff.firstLine().strip();
        return first.startsWith("{") && !first.endsWith("}")
                ? "a JSON document spread over several lines is not supported: use JSON Lines (one object per line) or a JSON array of objects"
                : null;
    }

    @Override
    public void parse(LineReader lines, RecordSink sink) throws IOException {
        JsonFactory factory = JsonRecords.factory(ReadLimits.of(lines.maxLineLength()));
        int ordinal = 0;
        for (Line line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) {
                continue;
            }
            RecordBuilder record = new RecordBuilder(ordinal++, line.number(), lines.maxLineLength()).excerpt(line.text());
            if (line.truncated()) {
                record.tooLong();
                record.emit(sink);
                continue;
            }
            try (JsonParser parser = factory.createParser(line.text())) {
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    sink.reject(new ParseRejection(record.ordinal(), line.number(), "not a JSON object", line.excerpt()));
                    continue;
                }
                JsonRecords.readObject(parser, record);
                if (parser.nextToken() != null) {
                    sink.reject(new ParseRejection(record.ordinal(), line.number(), "more than one JSON value on the line", line.excerpt()));
                    continue;
                }
            } catch (JsonProcessingException e) {
                sink.reject(new ParseRejection(record.ordinal(), line.number(), "malformed JSON: " + e.getOriginalMessage(),
                        line.excerpt()));
                continue;
            }
            record.emit(sink);
        }
    }
}
