package io.abstractcatalog.catalog.search;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.Identifiers;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One work in a result list: everything to show it, without its provenance (see GET /works/{id}). A field left out
 * by {@code select} (or without a value) is absent from the JSON.
 */
@Schema(name = "WorkSummary", description = "A work in a result list. Fields not asked for with select are absent.")
public record WorkSummary(
        @Schema(description = "Stable id of the work; always present.", examples = "w-3f2a9c0d1e4b5a6978c0d1e2")
        String workId,
        @Schema(description = "Title, when any member record had one.", examples = "Sum-Product Networks: A New Deep Architecture")
        String title,
        @Schema(description = "The abstract as given (LaTeX kept); absent when no record of the work has one "
                + "(then hasAbstract is false).")
        String abstractText,
        @Schema(description = "Whether any record of the work has an abstract; false for a work known only from "
                + "bibliographic entries without one. Present whenever abstractText or hasAbstract is selected.",
                examples = "true")
        Boolean hasAbstract,
        @Schema(description = "Authors in the order of the work's fullest author list: name as given, family and given "
                + "names when told apart, ORCID iD when known.")
        List<Author> authors,
        @Schema(description = "Journal, proceedings or other venue the work appeared in.", examples = "Gut")
        String venue,
        @Schema(description = "A link to the work as a source gave it.")
        String url,
        @Schema(description = "Institutions of the work's records, sorted.", examples = "[\"University of Washington\"]")
        List<String> affiliations,
        @Schema(description = "DOIs, arXiv ids, PubMed ids (pmid) and PubMed Central ids (pmcid) of the work's records.")
        Identifiers identifiers,
        @Schema(description = "How many records (duplicates included) make up this work.", examples = "2")
        Integer memberCount,
        @Schema(description = "Publication year: the earliest credible year of the work's records, else the year of its "
                + "earliest arXiv id; absent without either.", examples = "2012")
        Integer year,
        @Schema(description = "When the first record of the work was ingested.")
        Instant firstSeen,
        @Schema(description = "When the work last changed.")
        Instant updatedAt,
        @Schema(description = "Relevance to q, from 0 to 1 (higher is better); only with q and sort=relevance.",
                examples = "0.42")
        Float rank,
        @Schema(description = "Only with q: the best passages of the abstract as HTML, the text escaped and the "
                + "matched words in <mark>…</mark>; safe to insert into a page as is. Absent for a work without "
                + "abstract.",
                examples = "…graphical model inference is the partition function. <mark>Sum</mark>-<mark>product</mark> "
                        + "<mark>networks</mark> make it tractable…")
        String snippet,
        @Schema(description = "Only with q: the title as HTML, escaped, with matched words in <mark>…</mark>.",
                examples = "<mark>Sum</mark>-<mark>Product</mark> <mark>Networks</mark>: A New Deep Architecture")
        String titleHighlight) {

    /** This summary with only the selected fields (workId is always kept). */
    WorkSummary only(Set<String> fields) {
        return new WorkSummary(workId,
                fields.contains("title") ? title : null,
                fields.contains("abstractText") ? abstractText : null,
                fields.contains("abstractText") || fields.contains("hasAbstract") ? hasAbstract : null,
                fields.contains("authors") ? authors : null,
                fields.contains("venue") ? venue : null,
                fields.contains("url") ? url : null,
                fields.contains("affiliations") ? affiliations : null,
                fields.contains("identifiers") ? identifiers : null,
                fields.contains("memberCount") ? memberCount : null,
                fields.contains("year") ? year : null,
                fields.contains("firstSeen") ? firstSeen : null,
                fields.contains("updatedAt") ? updatedAt : null,
                fields.contains("rank") ? rank : null,
                fields.contains("snippet") ? snippet : null,
                fields.contains("titleHighlight") ? titleHighlight : null);
    }
}
