package io.abstractcatalog.ingest.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.abstractcatalog.contract.Author;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Crossref works JSON (REST API {@code /works}): a single work ({@code {"status": "ok", "message-type": "work",
 * "message": {…}}}), a list ({@code "message-type": "work-list"}, {@code "message": {"items": […]}}), a bare work
 * object, or JSON Lines of works (a metadata dump). Fields: {@code title[0]} and {@code abstract} (JATS, made plain),
 * {@code author[]} ({@code family}/{@code given}, {@code name} for an organisation, {@code ORCID},
 * {@code affiliation[].name} as the record's affiliations), the year of {@code issued} (else
 * {@code published-print}, {@code published-online}, {@code published}, {@code created}) {@code date-parts},
 * {@code container-title[0]} as venue ({@code short-container-title[0]} only without it), {@code DOI} (also the source
 * id), {@code URL}.
 */
public final class CrossrefJsonFormat extends JsonWorksFormat {

    public static final String NAME = "crossref-json";
    /** Dates by preference: the first one a work has gives its year. */
    private static final List<String> DATES = List.of("issued", "published-print", "published-online", "published", "created");
    private static final Set<String> FIELDS = Set.of("DOI", "URL", "title", "abstract", "author", "container-title",
            "short-container-title", "issued", "published-print", "published-online", "published", "created");
    private static final Pattern ENVELOPE = Pattern.compile("\"message-type\"\\s*:\\s*\"work(?:-list)?\"");
    private static final Pattern DOI_KEY = Pattern.compile("\"DOI\"\\s*:");
    /** Keys only Crossref's own work records carry (a CSL-JSON export has "DOI" and "container-title" too). */
    private static final List<Pattern> CROSSREF_KEYS = List.of("indexed", "deposited", "reference-count",
            "is-referenced-by-count", "content-domain", "member", "prefix").stream()
            .map(key -> Pattern.compile("\"" + key + "\"\\s*:")).toList();

    public CrossrefJsonFormat() {
        super(Set.of("message", "items"), FIELDS, CrossrefWork::new);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int confidence(Sniff sniff) {
        String head = sniff.trimmedStart();
        if (!head.startsWith("{")) {
            return 0;
        }
        if (ENVELOPE.matcher(head).find()) {
            return 98;
        }
        long crossrefKeys = CROSSREF_KEYS.stream().filter(key -> key.matcher(head).find()).count();
        return DOI_KEY.matcher(head).find() && crossrefKeys >= 2 ? 97 : 0;
    }

    private static final class CrossrefWork implements Work {
        private final RecordBuilder record;
        private final String[] years = new String[DATES.size()];
        private String shortVenue;

        CrossrefWork(RecordBuilder record) {
            this.record = record;
        }

        @Override
        public void field(String name, JsonParser parser) throws IOException {
            JsonToken value = parser.currentToken();
            switch (name) {
                case "DOI" -> {
                    record.doi(parser.getValueAsString());
                    record.sourceId(parser.getValueAsString());
                    record.excerpt("DOI " + parser.getValueAsString());
                }
                case "URL" -> record.url(parser.getValueAsString());
                case "title" -> {
                    String title = first(parser);
                    if (title != null) {
                        record.add(Field.TITLE, JatsText.plain(title)); // titles carry <i>, <sub> and layout too
                    }
                }
                case "abstract" -> {
                    String jats = parser.getValueAsString();
                    if (jats != null) {
                        record.add(Field.ABSTRACT, JatsText.plain(jats));
                    }
                }
                case "author" -> authors(parser);
                case "container-title" -> record.venue(first(parser));
                case "short-container-title" -> shortVenue = first(parser);
                default -> {
                    if (value == JsonToken.START_OBJECT) {
                        years[DATES.indexOf(name)] = JsonRecords.readNamed(parser).year();
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        }

        @Override
        public void finish() {
            for (String year : years) {
                if (year != null) {
                    record.year(year);
                    break;
                }
            }
            if (shortVenue != null) {
                record.venueAbbreviation(shortVenue);
            }
        }

        /** {@code author[]}: people ({@code family}, {@code given}, {@code ORCID}) or organisations ({@code name}). */
        private void authors(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                parser.skipChildren();
                return;
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                String family = null;
                String given = null;
                String name = null;
                String orcid = null;
                List<String> affiliations = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (key) {
                        case "family" -> family = parser.getValueAsString();
                        case "given" -> given = parser.getValueAsString();
                        case "name" -> name = parser.getValueAsString();
                        case "ORCID" -> orcid = parser.getValueAsString();
                        case "affiliation" -> {
                            if (value == JsonToken.START_ARRAY) {
                                for (JsonToken a = parser.nextToken(); a != JsonToken.END_ARRAY; a = parser.nextToken()) {
                                    if (a == JsonToken.START_OBJECT) {
                                        affiliations.add(JsonRecords.readNamed(parser).author().name());
                                    } else {
                                        parser.skipChildren();
                                    }
                                }
                            } else {
                                parser.skipChildren();
                            }
                        }
                        default -> parser.skipChildren();
                    }
                }
                record.author(family != null ? new Author(null, family, given, orcid)
                        : name != null ? new Author(name, null, null, orcid) : Author.parse(given).withOrcid(orcid));
                affiliations.forEach(affiliation -> record.addOne(Field.AFFILIATIONS, affiliation));
            }
        }

        /** The first string of an array ({@code "title": ["…"]}), or the string itself; the rest is skipped. */
        private static String first(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                String text = parser.currentToken().isScalarValue() ? parser.getValueAsString() : null;
                parser.skipChildren();
                return text;
            }
            String first = null;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (first == null && token == JsonToken.VALUE_STRING) {
                    first = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            return first;
        }
    }
}
