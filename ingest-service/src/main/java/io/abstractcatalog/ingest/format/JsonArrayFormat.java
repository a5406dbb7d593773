package io.abstractcatalog.ingest.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A JSON array of record objects ({@code [{"title": …, "abstract": …}, …]}), read with Jackson's streaming parser:
 * one element at a time, whatever the size of the array. An element that is not an object, or has neither an abstract
 * nor a title with authors or an identifier, is rejected; malformed JSON fails the file (after it, nothing can be
 * trusted to be where it seems).
 */
public final class JsonArrayFormat implements RecordFormat {

    public static final String NAME = "json-array";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("json");
    }

    @Override
    public int confidence(Sniff sniff) {
        return sniff.trimmedStart().startsWith("[") ? 95 : 0;
    }

    @Override
    public void parse(InputStream content, ReadLimits limits, RecordSink sink) throws IOException {
        try (JsonParser parser = JsonRecords.factory(limits).createParser(content)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new UnreadableFileException("not a JSON array", 1);
            }
            int ordinal = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new UnreadableFileException("malformed JSON array: it ends before its closing ']'", parser.currentLocation().getLineNr());
                }
                int line = parser.currentTokenLocation().getLineNr();
                long start = JsonRecords.offset(parser.currentTokenLocation());
                RecordBuilder record = new RecordBuilder(ordinal++, line, limits.maxRecordLength());
                if (token != JsonToken.START_OBJECT) {
                    String shown = token.isScalarValue() ? parser.getText() : token.asString();
                    parser.skipChildren();
                    sink.reject(new ParseRejection(record.ordinal(), line, "array element is not a JSON object", shown));
                    continue;
                }
                JsonRecords.readObject(parser, record);
                long end = JsonRecords.offset(parser.currentLocation());
                if (start >= 0 && end - start > limits.maxRecordLength() * 2L + 10_000) {
                    record.tooLong(); // mostly fields we do not use: still more than a record may be
                }
                record.emit(sink);
            }
            if (parser.nextToken() != null) {
                throw new UnreadableFileException("malformed JSON array: content after its closing ']'",
                        parser.currentTokenLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            Integer line = where == null ? null : where.getLineNr();
            throw new UnreadableFileException("malformed JSON array" + (line == null ? "" : " at line " + line) + ": "
                    + e.getOriginalMessage(), line);
        } catch (CharConversionException e) {
            throw new UnreadableFileException("not valid UTF-8 text: " + e.getMessage(), null);
        }
    }
}
