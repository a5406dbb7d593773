package io.abstractcatalog.dedup.block;

/**
 * A key under which candidate duplicates meet: records are repartitioned by it, so every record that shares a key
 * lands on one partition. Kinds: {@code fp} exact fingerprint of the normalized abstract, {@code doi} (not a
 * volume's), {@code arxiv} (version stripped), {@code pmid}, {@code pmcid}, {@code title} (guarded title key,
 * hashed), {@code ay} (first author's family name and year), {@code open} (the abstract's opening words, hashed)
 * and the MinHash-LSH band keys
 * {@code lsh<version>-<shingle size>s<bands>x<rows>-<seed>}, whose kind names everything that gives a band hash
 * its meaning. Computed in step 1 (normalize) by {@code match.RecordFeatures}; this package depends on no other step.
 */
public record BlockingKey(String kind, String value) {

    public static final String FINGERPRINT = "fp";
    public static final String DOI = "doi";
    public static final String ARXIV = "arxiv";
    public static final String TITLE = "title";
    public static final String PMID = "pmid";
    public static final String PMCID = "pmcid";
    public static final String AUTHOR_YEAR = "ay";
    public static final String OPENING = "open";

    @Override
    public String toString() {
        return kind + ":" + value;
    }
}
