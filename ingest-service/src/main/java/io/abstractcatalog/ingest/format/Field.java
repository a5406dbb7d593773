package io.abstractcatalog.ingest.format;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields a record can carry, with the names formats use for them (case-insensitive; {@code -}, {@code _}
 * and spaces are ignored, so {@code paper_id}, {@code Paper ID} and {@code paperId} are one name).
 */
public enum Field {
    ID("id", "identifier", "paper_id", "record_id", "uid"),
    TITLE("title", "ti", "t1", "paper_title"),
    ABSTRACT("abstract", "summary", "description", "ab", "n2", "abstract_text"),
    AUTHORS("authors", "author", "au", "a1", "creators", "creator"),
    AFFILIATIONS("affiliations", "affiliation", "institution", "institutions", "ad"),
    DOI("doi", "do"),
    ARXIV_ID("arxiv_id", "arxiv"),
    YEAR("year", "py", "y1", "date", "published", "publication_date", "publication_year", "pubyear", "issued"),
    URL("url", "ur", "link"),
    VENUE("venue", "journal", "journal_title", "container_title", "source_title", "so",
            "publication_title", "booktitle", "conference", "jo", "jf", "t2", "ja", "j2", "bt", "ta", "secondary_title"),
    PMID("pmid", "pubmed_id", "pubmed"),
    PMCID("pmcid", "pmc", "pmc_id");

    private static final Map<String, Field> BY_NAME = new HashMap<>();

    static {
        for (Field field : values()) {
            for (String alias : field.aliases) {
                BY_NAME.put(normal(alias), field);
            }
        }
    }

    private final List<String> aliases;

    Field(String... aliases) {
        this.aliases = List.of(aliases);
    }

    public List<String> aliases() {
        return aliases;
    }

    /** The field a column / key / tag of this name holds, or null when it is none of ours. */
    public static Field named(String name) {
        return name == null ? null : BY_NAME.get(normal(name));
    }

    private static String normal(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-' && c != ' ') {
                out.append(c);
            }
        }
        return out.toString().strip().toLowerCase(Locale.ROOT);
    }
}
