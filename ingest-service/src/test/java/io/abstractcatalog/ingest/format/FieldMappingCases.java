package io.abstractcatalog.ingest.format;

import io.abstractcatalog.contract.Author;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A record's bibliographic fields as short strings, so table-driven tests can state them in one line each. */
final class FieldMappingCases {

    private FieldMappingCases() {
    }

    /**
     * {@code authors} as {@code family/given} (or the name when there is no family name; plus {@code /orcid} when there is one) joined by {@code "; "}; the
     * other fields as they are; null fields left out.
     */
    static Map<String, String> fields(ParsedRecord record) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "title", record.title());
        put(fields, "authors", record.authors().isEmpty() ? null
                : record.authors().stream().map(FieldMappingCases::author).collect(Collectors.joining("; ")));
        put(fields, "affiliations", record.affiliations().isEmpty() ? null : String.join("; ", record.affiliations()));
        put(fields, "year", record.year() == null ? null : record.year().toString());
        put(fields, "venue", record.venue());
        put(fields, "doi", record.doi());
        put(fields, "arxiv", record.arxivId());
        put(fields, "pmid", record.pmid());
        put(fields, "pmcid", record.pmcid());
        put(fields, "url", record.url());
        put(fields, "id", record.sourceId());
        return fields;
    }

    static String author(Author author) {
        String parts = author.family() == null ? author.name() : author.family() + "/" + author.given();
        return author.orcid() == null ? parts : parts + "/" + author.orcid();
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    /** {@code "a=1", "b=2"} as a map (values may contain {@code =}). */
    static Map<String, String> expected(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            map.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return map;
    }
}
