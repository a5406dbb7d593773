package io.abstractcatalog.contract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identifiers a work is known by, each list sorted and without duplicates, and the one normalizer per kind of
 * identifier that ingest, dedup and the catalog all use, so that equal identifiers are spelt equally everywhere.
 */
public record Identifiers(List<String> doi, List<String> arxiv, List<String> pmid, List<String> pmcid) {

    public static final Identifiers NONE = new Identifiers(List.of(), List.of(), List.of(), List.of());

    private static final Pattern DOI_PREFIX = Pattern.compile(
            "^(?:https?:/+)?(?:dx\\.)?(?:doi\\.org/|doi:\\s*|doi\\s+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI = Pattern.compile("^10\\.\\d{4,9}/\\S+$");
    /** The DOI arXiv mints for its own papers ({@code 10.48550/arXiv.2101.00001}) names an arXiv id, not a publication. */
    private static final Pattern ARXIV_DOI = Pattern.compile("^10\\.48550/arxiv\\.(.+)$");
    /** New-style (2101.00001) and old-style (hep-th/9901001) arXiv ids, with prefix, URL or version around them. */
    private static final Pattern ARXIV = Pattern.compile(
            "(?i)^(?:arxiv:\\s*|(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/)?"
                    + "(\\d{4}\\.\\d{4,5}|[a-z][a-z.\\-]*/\\d{7})(?:v\\d+)?(?:\\.pdf)?$");
    private static final Pattern PMID = Pattern.compile("(?i)^(?:pmid:?\\s*|https?://(?:www\\.)?(?:pubmed\\.ncbi\\.nlm\\.nih\\.gov|ncbi\\.nlm\\.nih\\.gov/pubmed)/)?0*([1-9]\\d{0,8})/?$");
    private static final Pattern PMCID = Pattern.compile("(?i)^(?:pmcid:?\\s*)?(?:pmc)?0*([1-9]\\d{0,9})$");

    public Identifiers {
        doi = doi == null ? List.of() : List.copyOf(doi);
        arxiv = arxiv == null ? List.of() : List.copyOf(arxiv);
        pmid = pmid == null ? List.of() : List.copyOf(pmid);
        pmcid = pmcid == null ? List.of() : List.copyOf(pmcid);
    }

    /** Only DOIs and arXiv ids: the identifiers of schema-1 events. */
    public Identifiers(List<String> doi, List<String> arxiv) {
        this(doi, arxiv, List.of(), List.of());
    }

    /**
     * A DOI in lower case (DOIs are case-insensitive) without resolver prefix, surrounding space or trailing
     * punctuation; null when {@code raw} is not a DOI.
     */
    public static String normalizeDoi(String raw) {
        if (raw == null) {
            return null;
        }
        String doi = DOI_PREFIX.matcher(raw.strip()).replaceFirst("").strip().toLowerCase(Locale.ROOT);
        while (!doi.isEmpty() && ".,;)]}>\"'".indexOf(doi.charAt(doi.length() - 1)) >= 0) {
            doi = doi.substring(0, doi.length() - 1);
        }
        return DOI.matcher(doi).matches() ? doi : null;
    }

    /** True when {@code normalizedDoi} is a DOI arXiv minted for one of its preprints. */
    public static boolean isArxivDoi(String normalizedDoi) {
        return normalizedDoi != null && ARXIV_DOI.matcher(normalizedDoi).matches();
    }

    /**
     * An arXiv id without prefix, URL or version, lower case ({@code arXiv:2101.00001v3} → {@code 2101.00001},
     * {@code hep-th/9901001}); also the id inside an arXiv DOI. Null when {@code raw} is none.
     */
    public static String normalizeArxiv(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String doi = normalizeDoi(raw);
        if (doi != null) {
            Matcher fromDoi = ARXIV_DOI.matcher(doi);
            return fromDoi.matches() ? normalizeArxiv(fromDoi.group(1)) : null;
        }
        Matcher matcher = ARXIV.matcher(raw.strip());
        return matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** A PubMed id as digits without leading zeros ({@code PMID: 27797938} → {@code 27797938}); null when none. */
    public static String normalizePmid(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher matcher = PMID.matcher(raw.strip());
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** A PubMed Central id as {@code PMC} and digits ({@code pmc5116089}, {@code 5116089} → {@code PMC5116089}). */
    public static String normalizePmcid(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher matcher = PMCID.matcher(raw.strip());
        return matcher.matches() ? "PMC" + matcher.group(1) : null;
    }
}
