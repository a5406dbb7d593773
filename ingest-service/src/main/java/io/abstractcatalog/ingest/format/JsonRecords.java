package io.abstractcatalog.ingest.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.abstractcatalog.contract.Author;
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

    /** Where {@code location} is, in characters or, for a parser reading bytes (a file), in bytes. */
    static long offset(JsonLocation location) {
        long chars = location.getCharOffset();
        return chars >= 0 ? chars : location.getByteOffset();
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
                addObject(field, readNamed(parser), record);
            } else if (value != JsonToken.VALUE_NULL) {
                record.add(field, parser.getText());
            }
        }
    }

    /** An array of strings, numbers, or objects naming a person or an institution ({@code name}, {@code given}/{@code family}). */
    private static void readArray(JsonParser parser, Field field, RecordBuilder record) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == JsonToken.START_OBJECT) {
                addObject(field, readNamed(parser), record);
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

    private static void addObject(Field field, Named named, RecordBuilder record) {
        if (field == Field.AUTHORS) {
            record.author(named.author());
        } else if (field == Field.YEAR && named.year() != null) {
            record.year(named.year());
        } else {
            record.addOne(field, named.author().name());
        }
    }

    /**
     * {"name": …}, {"given": …, "family": …} (also first/last, CSL-JSON's {@code literal} and {@code ORCID}), or a
     * CSL / Crossref date {"date-parts": [[2007, 4, 2]]}: a person, institution or date.
     */
    static Named readNamed(JsonParser parser) throws IOException {
        String name = null;
        String given = null;
        String family = null;
        String orcid = null;
        String year = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName().toLowerCase(java.util.Locale.ROOT);
            JsonToken value = parser.nextToken();
            if (key.equals("date-parts") && value == JsonToken.START_ARRAY) {
                year = firstDatePart(parser);
                continue;
            }
            if (!value.isScalarValue()) {
                parser.skipChildren();
                continue;
            }
            switch (key) {
                case "name", "fullname", "full_name", "value", "literal", "display_name" -> name = parser.getText();
                case "given", "first", "firstname", "first_name", "forenames" -> given = parser.getText();
                case "family", "last", "lastname", "last_name", "keyname" -> family = parser.getText();
                case "orcid" -> orcid = parser.getText();
                default -> {
                }
            }
        }
        Author author = family != null ? new Author(name, family, given, orcid)
                : Author.parse(name != null ? name : given).withOrcid(orcid);
        return new Named(author, year);
    }

    /** The first number of {@code [[2007, 4, 2], …]} (the current token is the outer START_ARRAY), as text. */
    private static String firstDatePart(JsonParser parser) throws IOException {
        String first = null;
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return first;
            }
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                depth++;
            } else if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
                depth--;
            } else if (first == null && token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                first = parser.getText();
            }
        }
        return first;
    }

    /** A person or institution ({@code author.name()} is its name as one string), or a date's year. */
    record Named(Author author, String year) {
    }
}
