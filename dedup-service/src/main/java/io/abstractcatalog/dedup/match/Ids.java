package io.abstractcatalog.dedup.match;

import io.abstractcatalog.contract.Identifiers;

/** The identifiers matching compares, spelt by the contract's {@link Identifiers} normalizers. */
public final class Ids {

    private Ids() {
    }

    /** The article's DOI; null when absent, malformed or an arXiv DOI (which names a preprint, not a publication). */
    public static String doi(String raw) {
        String doi = Identifiers.normalizeDoi(raw);
        return Identifiers.isArxivDoi(doi) ? null : doi;
    }

    /** The arXiv id without prefix and version ({@code arXiv:2101.00001v3} → {@code 2101.00001}); also from an arXiv DOI. */
    public static String arxiv(String rawArxiv, String rawDoi) {
        String id = Identifiers.normalizeArxiv(rawArxiv);
        return id != null ? id : Identifiers.normalizeArxiv(Identifiers.normalizeDoi(rawDoi));
    }
}
