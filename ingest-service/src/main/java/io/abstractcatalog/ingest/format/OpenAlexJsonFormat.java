package io.abstractcatalog.ingest.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.abstractcatalog.contract.Author;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * OpenAlex works JSON: a single work ({@code /works/W…}), an API list response ({@code {"meta": {…}, "results":
 * […]}}) or JSON Lines of works (the snapshot's {@code works} files). Fields: {@code title} (else
 * {@code display_name}), the abstract rebuilt from {@code abstract_inverted_index} (word → positions),
 * {@code authorships[]} ({@code author.display_name}, else {@code raw_author_name}; {@code author.orcid};
 * {@code institutions[].display_name}, else {@code raw_affiliation_strings}, as the record's affiliations),
 * {@code publication_year} (else {@code publication_date}), {@code primary_location.source.display_name} as venue,
 * {@code doi} / {@code ids.doi}, {@code ids.pmid}, {@code ids.pmcid}, an arXiv id from an arxiv.org
 * {@code landing_page_url} of {@code primary_location} or {@code locations[]}, {@code id} (the OpenAlex id) as the
 * source id.
 */
public final class OpenAlexJsonFormat extends JsonWorksFormat {

    public static final String NAME = "openalex-json";
    private static final Set<String> FIELDS = Set.of("id", "doi", "title", "display_name", "publication_year",
            "publication_date", "ids", "primary_location", "locations", "authorships", "abstract_inverted_index");
    private static final Pattern WORK_ID = Pattern.compile("\"https://openalex\\.org/W\\d+\"");
    private static final Pattern WORK_KEYS = Pattern.compile("\"(?:authorships|abstract_inverted_index|publication_year)\"\\s*:");
    private static final Pattern LIST = Pattern.compile("\"meta\"\\s*:[\\s\\S]*\"results\"\\s*:|\"results\"\\s*:[\\s\\S]*\"meta\"\\s*:");

    public OpenAlexJsonFormat() {
        super(Set.of("results"), FIELDS, OpenAlexWork::new);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int confidence(Sniff sniff) {
        String head = sniff.trimmedStart();
        if (!head.startsWith("{") || !WORK_ID.matcher(head).find() || !WORK_KEYS.matcher(head).find()) {
            return 0;
        }
        return LIST.matcher(head).find() ? 98 : 97;
    }

    private static final class OpenAlexWork implements Work {
        private final RecordBuilder record;
        private final int maxWords;
        private String displayName;
        private String date;

        OpenAlexWork(RecordBuilder record) {
            this.record = record;
            this.maxWords = record.maxLength() / 2; // a word and a space at least
        }

        @Override
        public void field(String name, JsonParser parser) throws IOException {
            JsonToken value = parser.currentToken();
            if (value == JsonToken.VALUE_NULL) {
                return;
            }
            switch (name) {
                case "id" -> record.sourceId(parser.getValueAsString());
                case "doi" -> record.doi(parser.getValueAsString());
                case "title" -> title(parser.getValueAsString());
                case "display_name" -> displayName = parser.getValueAsString();
                case "publication_year" -> record.year(parser.getValueAsString());
                case "publication_date" -> date = parser.getValueAsString();
                case "ids" -> ids(parser);
                case "primary_location" -> location(parser, true);
                case "locations" -> {
                    if (value == JsonToken.START_ARRAY) {
                        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                            if (token == JsonToken.START_OBJECT) {
                                location(parser, false);
                            } else {
                                parser.skipChildren();
                            }
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                case "authorships" -> authorships(parser);
                case "abstract_inverted_index" -> invertedIndex(parser);
                default -> parser.skipChildren();
            }
        }

        @Override
        public void finish() {
            title(displayName);
            if (date != null) {
                record.year(date);
            }
        }

        private void title(String text) {
            if (text != null) {
                record.add(Field.TITLE, JatsText.plain(text)); // OpenAlex titles keep the publisher's <i>, <sub>
            }
        }

        /** {@code ids}: {@code doi}, {@code pmid} (a pubmed.ncbi.nlm.nih.gov URL), {@code pmcid} (a PMC URL). */
        private void ids(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!value.isScalarValue()) {
                    parser.skipChildren();
                    continue;
                }
                String text = parser.getValueAsString();
                switch (key) {
                    case "doi" -> record.doi(text);
                    case "pmid" -> record.pmid(text);
                    case "pmcid" -> record.pmcid(lastSegment(text));
                    default -> {
                    }
                }
            }
        }

        /** A location: its {@code landing_page_url} may be arXiv's; the primary one's {@code source.display_name} is the venue. */
        private void location(JsonParser parser, boolean primary) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (key.equals("landing_page_url") && value == JsonToken.VALUE_STRING) {
                    String url = parser.getText();
                    if (url.contains("arxiv.org/")) {
                        record.arxivId(url);
                    }
                } else if (key.equals("source") && primary && value == JsonToken.START_OBJECT) {
                    record.venue(JsonRecords.readNamed(parser).author().name());
                } else {
                    parser.skipChildren();
                }
            }
        }

        private void authorships(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                parser.skipChildren();
                return;
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    authorship(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }

        /** One {@code authorships[]} element. */
        private void authorship(JsonParser parser) throws IOException {
            Author author = null;
            String rawName = null;
            List<String> institutions = new ArrayList<>();
            List<String> rawAffiliations = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (key) {
                    case "author" -> {
                        if (value == JsonToken.START_OBJECT) {
                            author = JsonRecords.readNamed(parser).author(); // display_name and orcid
                        } else {
                            parser.skipChildren();
                        }
                    }
                    case "raw_author_name" -> rawName = value.isScalarValue() ? parser.getValueAsString() : skip(parser);
                    case "institutions" -> names(parser, institutions);
                    case "raw_affiliation_strings" -> names(parser, rawAffiliations);
                    default -> parser.skipChildren();
                }
            }
            if ((author == null || author.name() == null) && rawName != null) {
                author = Author.parse(rawName).withOrcid(author == null ? null : author.orcid());
            }
            record.author(author);
            (institutions.isEmpty() ? rawAffiliations : institutions).forEach(name -> record.addOne(Field.AFFILIATIONS, name));
        }

        /** An array of strings, or of objects with a {@code display_name}, into {@code names}. */
        private static void names(JsonParser parser, List<String> names) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                parser.skipChildren();
                return;
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                String name = token == JsonToken.START_OBJECT ? JsonRecords.readNamed(parser).author().name()
                        : token == JsonToken.VALUE_STRING ? parser.getText() : skip(parser);
                if (name != null && !name.isBlank()) {
                    names.add(name);
                }
            }
        }

        /**
         * {@code {"Despite": [0], "growing": [1], …}}: each word at each of its positions, joined in position order. A
         * position beyond what a record may hold makes the record too long rather than allocating for it.
         */
        private void invertedIndex(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return;
            }
            TreeMap<Integer, String> words = new TreeMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String word = parser.currentName();
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (token != JsonToken.VALUE_NUMBER_INT) {
                        parser.skipChildren();
                        continue;
                    }
                    int position = parser.getIntValue();
                    if (position < 0 || position > maxWords || words.size() > maxWords) {
                        record.tooLong();
                    } else {
                        words.put(position, word);
                    }
                }
            }
            if (!words.isEmpty()) {
                record.add(Field.ABSTRACT, String.join(" ", words.values()));
            }
        }

        private static String lastSegment(String url) {
            if (url == null) {
                return null;
            }
            String trimmed = url.strip().replaceAll("/+$", "");
            return trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }

        private static String skip(JsonParser parser) throws IOException {
            parser.skipChildren();
            return null;
        }
    }
}
