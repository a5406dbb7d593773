package io.abstractcatalog.catalog.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import java.io.Writer;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The formats works are exported in: each with its media type (chosen by Accept), its token (chosen by format=) and
 * the extension of the file a download is saved as.
 */
public enum ExportFormat {
    BIBTEX("bibtex", "application/x-bibtex", "bib", "BibTeX"),
    RIS("ris", "application/x-research-info-systems", "ris", "RIS"),
    CSV("csv", "text/csv", "csv", "CSV"),
    JSON_LINES("jsonl", "application/x-ndjson", "jsonl", "JSON Lines"),
    CSL_JSON("csl-json", "application/vnd.citationstyles.csl+json", "json", "CSL-JSON");

    /** The media types of {@link #values()}, for {@code @Produces}. */
    public static final String BIBTEX_TYPE = "application/x-bibtex";
    public static final String RIS_TYPE = "application/x-research-info-systems";
    public static final String CSV_TYPE = "text/csv";
    public static final String JSON_LINES_TYPE = "application/x-ndjson";
    public static final String CSL_JSON_TYPE = "application/vnd.citationstyles.csl+json";
    /** format=json: the page of GET /works, the default. */
    static final String JSON_TOKEN = "json";

    private final String token;
    private final MediaType mediaType;
    private final String extension;
    private final String label;

    ExportFormat(String token, String mediaType, String extension, String label) {
        this.token = token;
        this.mediaType = MediaType.valueOf(mediaType);
        this.extension = extension;
        this.label = label;
    }

    public String token() {
        return token;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** What the search page calls it. */
    public String label() {
        return label;
    }

    String extension() {
        return extension;
    }

    /** The format of a format= token, any case. */
    static Optional<ExportFormat> byToken(String token) {
        return Arrays.stream(values()).filter(f -> f.token.equalsIgnoreCase(token.strip())).findFirst();
    }

    /** The format whose media type is this one (parameters such as charset aside). */
    static Optional<ExportFormat> byMediaType(MediaType type) {
        return Arrays.stream(values())
                .filter(f -> f.mediaType.getType().equalsIgnoreCase(type.getType())
                        && f.mediaType.getSubtype().equalsIgnoreCase(type.getSubtype()))
                .findFirst();
    }

    /** json and every format's token, for messages. */
    static String tokens() {
        return JSON_TOKEN + ", " + Arrays.stream(values()).map(ExportFormat::token).collect(Collectors.joining(", "));
    }

    /** A writer of this format onto {@code out}; JSON-based formats use the service's one mapper. */
    ExportWriter writer(Writer out, ObjectMapper json) {
        return switch (this) {
            case BIBTEX -> new BibtexWriter(out);
            case RIS -> new RisWriter(out);
            case CSV -> new CsvWriter(out);
            case JSON_LINES -> new JsonLinesWriter(out, json);
            case CSL_JSON -> new CslJsonWriter(out, json);
        };
    }
}
