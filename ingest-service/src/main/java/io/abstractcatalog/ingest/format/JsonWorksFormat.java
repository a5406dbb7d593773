package io.abstractcatalog.ingest.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON from a scholarly metadata API (Crossref, OpenAlex): one work object, an API response wrapping a list of works,
 * or JSON Lines of either, all read as a sequence of root values with Jackson's streaming parser, one work at a
 * time. An object is an envelope when, before any work field, it has an envelope key ({@code message},
 * {@code items}, {@code results}): their objects and arrays are read the same way; any other object is one work.
 * A root value that is not an object is rejected; malformed JSON fails the file (as for a JSON array).
 */
abstract class JsonWorksFormat implements RecordFormat {

    /** One work being read. */
    interface Work {
        /** The value of {@code name} is the parser's current token; the reader consumes it whole. */
        void field(String name, JsonParser parser) throws IOException;

        /** The work's object ended. */
        void finish();
    }

    /** Keys whose object or array holds works (or a further envelope), in an object that has no work field yet. */
    private final Set<String> envelopeKeys;
    /** The work fields this format reads (anything else is skipped unread). */
    private final Set<String> workFields;
    private final Function<RecordBuilder, Work> newWork;

    JsonWorksFormat(Set<String> envelopeKeys, Set<String> workFields, Function<RecordBuilder, Work> newWork) {
        this.envelopeKeys = envelopeKeys;
        this.workFields = workFields;
        this.newWork = newWork;
    }

    @Override
    public List<String> extensions() {
        return List.of("json", "jsonl", "ndjson");
    }

    @Override
    public void parse(InputStream content, ReadLimits limits, RecordSink sink) throws IOException {
        try (JsonParser parser = JsonRecords.factory(limits).createParser(content)) {
            Reading reading = new Reading(parser, limits, sink);
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                reading.value(token);
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            Integer line = where == null ? null : where.getLineNr();
            throw new UnreadableFileException("malformed JSON" + (line == null ? "" : " at line " + line) + ": "
                    + e.getOriginalMessage(), line);
        } catch (CharConversionException e) {
            throw new UnreadableFileException("not valid UTF-8 text: " + e.getMessage(), null);
        }
    }

    /** The state of one file's reading: the next ordinal. */
    private final class Reading {
        private final JsonParser parser;
        private final ReadLimits limits;
        private final RecordSink sink;
        private int ordinal;

        Reading(JsonParser parser, ReadLimits limits, RecordSink sink) {
            this.parser = parser;
            this.limits = limits;
            this.sink = sink;
        }

        /** A root value or an element of an envelope's array: a work, an envelope, or a rejected non-object. */
        void value(JsonToken token) throws IOException {
            if (token == JsonToken.START_OBJECT) {
                object();
                return;
            }
            int line = parser.currentTokenLocation().getLineNr();
            String shown = token.isScalarValue() ? parser.getText() : token.asString();
            parser.skipChildren();
            sink.reject(new ParseRejection(ordinal++, line, "not a JSON object", shown));
        }

        /** The object whose START_OBJECT is the current token. */
        private void object() throws IOException {
            int line = parser.currentTokenLocation().getLineNr();
            long start = JsonRecords.offset(parser.currentTokenLocation());
            RecordBuilder record = null;
            Work work = null;
            boolean envelope = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (work == null && envelopeKeys.contains(name)
                        && (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)) {
                    envelope = true;
                    if (value == JsonToken.START_OBJECT) {
                        object();
                    } else {
                        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                            value(element);
                        }
                    }
                } else if (!envelope && workFields.contains(name)) {
                    if (work == null) {
                        record = new RecordBuilder(ordinal++, line, limits.maxRecordLength());
                        work = newWork.apply(record);
                    }
                    work.field(name, parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (envelope) {
                return;
            }
            if (work == null) { // an object with none of our fields: still a candidate, rejected for what it lacks
                record = new RecordBuilder(ordinal++, line, limits.maxRecordLength());
            } else {
                work.finish();
            }
            long end = JsonRecords.offset(parser.currentLocation());
            if (start >= 0 && end - start > limits.maxRecordLength() * 2L + 10_000) {
                record.tooLong(); // mostly fields we do not use (reference lists): still more than a record may be
            }
            record.emit(sink);
        }
    }
}
