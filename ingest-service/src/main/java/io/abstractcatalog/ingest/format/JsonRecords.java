package io.abstractcatalog.ingest.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;

/** Reads one JSON object into a {@link RecordBuilder}, token by token: fields we do not know are skipped unread. */
final class JsonRecords {

    private JsonRecords() {
    }

    static JsonFactory factory(ReadLimits limits) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(limits.maxValueLength())
                        .maxNestingDepth(100)
                        .build())
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
    }

    /** Reads the object whose START_OBJECT is the current token, up to and including its END_OBJECT. */
    static void readObject(JsonParser parser, RecordBuilder record) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            Field field = Field.named(name);
            if (field == null) {
                parser.skipChildren();
                continue;
            }
            if (value == JsonToken.START_ARRAY) {
                readArray(parser, field, record);
            } else if (value == JsonToken.START_OBJECT) {
                String text = objectText(parser);
                record.addOne(field, text);
            } else if (value != JsonToken.VALUE_NULL) {
                record.add(field, parser.getText());
            }
        }
    }

    /** An array of strings, numbers, or objects naming a person or an institution ({@code name}, {@code given}/{@code family}). */
    private static void readArray(JsonParser parser, Field field, RecordBuilder record) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == JsonToken.START_OBJECT) {
                record.addOne(field, objectText(parser));
            } else if (token == JsonToken.START_ARRAY) {
                parser.skipChildren();
            } else if (token != JsonToken.VALUE_NULL) {
                if (field == Field.AUTHORS || field == Field.AFFILIATIONS) {
                    record.addOne(field, parser.getText());
                } else {
                    record.add(field, parser.getText());
                }
            }
        }
    }

    /** {"name": …} or {"given": …, "family": …} (also first/last): a person or institution as one string. */
    private static String objectText(JsonParser parser) throws IOException {
        String name = null;
        String given = null;
        String family = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName().toLowerCase(java.util.Locale.ROOT);
            JsonToken value = parser.nextToken();
            if (!value.isScalarValue()) {
                parser.skipChildren();
                continue;
            }
            switch (key) {
                case "name", "fullname", "full_name", "value" -> name = parser.getText();
                case "given", "first", "firstname", "first_name", "forenames" -> given = parser.getText();
                case "family", "last", "lastname", "last_name", "keyname" -> family = parser.getText();
                default -> {
                }
            }
        }
        if (name != null) {
            return name;
        }
        if (given != null && family != null) {
            return given.strip() + " " + family.strip();
        }
        return family != null ? family : given;
    }
}
