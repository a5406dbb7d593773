package io.abstractcatalog.dedup.match;

import io.abstractcatalog.contract.Identifiers;
import java.util.regex.Pattern;

/** The identifiers matching compares, spelt by the contract's {@link Identifiers} normalizers. */
public final class Ids {

    /**
     * DOIs that preprint servers mint (bioRxiv/medRxiv, SSRN, Research Square, Preprints.org, OSF servers, TechRxiv,
     * ChemRxiv, Authorea): a preprint's DOI differs from its journal version's without making them two works.
     */
    private static final Pattern PREPRINT_DOI = Pattern.compile(
            "10\\.1101/(?:\\d{4}\\.\\d{2}\\.\\d{2}\\.)?\\d{5,}.*|10\\.2139/ssrn\\..*|10\\.21203/rs\\..*|10\\.20944/preprints.*"
                    + "|10\\.3123[0-9]/osf\\.io/.*|10\\.36227/techrxiv.*|10\\.26434/chemrxiv.*|10\\.22541/au\\..*");
    /**
     * The suffix of a DOI naming a whole book or proceedings volume by its ISBN (a chapter adds to it: {@code …-9_6});
     * the DOI's own shape is Identifiers' to check.
     */
    private static final Pattern VOLUME_SUFFIX = Pattern.compile("97[89][-\\d]{10,14}");

    /** What a DOI names, which decides whether two different DOIs are two works. */
    public enum DoiKind {
        /** One article or chapter: two different ones are two works. */
        ARTICLE,
        /** A preprint server's DOI: differs from the published version's DOI without a conflict. */
        PREPRINT,
        /** A whole volume, shared by all its chapters: neither joins nor separates records. */
        VOLUME
    }

    private Ids() {
    }

    /** The DOI; null when absent, malformed or an arXiv DOI (which names a preprint: see {@link #arxiv}). */
    public static String doi(String raw) {
        String doi = Identifiers.normalizeDoi(raw);
        return Identifiers.isArxivDoi(doi) ? null : doi;
    }

    public static DoiKind kind(String doi) {
        if (VOLUME_SUFFIX.matcher(doi.substring(doi.indexOf('/') + 1)).matches()) {
            return DoiKind.VOLUME;
        }
        return PREPRINT_DOI.matcher(doi).matches() ? DoiKind.PREPRINT : DoiKind.ARTICLE;
    }

    /** The arXiv id without prefix and version ({@code arXiv:2101.00001v3} → {@code 2101.00001}); also from an arXiv DOI. */
    public static String arxiv(String rawArxiv, String rawDoi) {
        String id = Identifiers.normalizeArxiv(rawArxiv);
        return id != null ? id : Identifiers.normalizeArxiv(Identifiers.normalizeDoi(rawDoi));
    }

    public static String pmid(String raw) {
        return Identifiers.normalizePmid(raw);
    }

    public static String pmcid(String raw) {
        return Identifiers.normalizePmcid(raw);
    }
}
