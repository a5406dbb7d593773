package io.abstractcatalog.catalog.work;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One member record of a work and where to find it again. */
@Schema(name = "Source", description = "A member record of a work and where it was found.")
public record SourceView(
        @Schema(description = "Id of the raw record (stable for the same bytes at the same position).")
        String recordId,
        @Schema(description = "Bucket the file was in.")
        String bucket,
        @Schema(description = "Object key (path) of the file in the bucket.")
        String key,
        @Schema(description = "SHA-256 of the file's bytes, hex.")
        String contentHash,
        @Schema(description = "Detected file format.", examples = "affiliation-page")
        String format,
        @Schema(description = "0-based position of the record in the file.")
        Integer ordinal,
        @Schema(description = "1-based line where the record starts.")
        Integer line,
        @Schema(description = "The record's own id in its source (BibTeX key, arXiv id…), if any.")
        String sourceId,
        @Schema(description = "When the record was ingested.")
        Instant ingestedAt) {
}
