package io.abstractcatalog.dedup.match;

import io.abstractcatalog.contract.FoldedText;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.dedup.block.BlockingKey;
import io.abstractcatalog.dedup.normalize.NormalizedRecord;
import io.abstractcatalog.dedup.normalize.TextNormalizer;
import java.util.ArrayList;
import java.util.List;

/** A record's summary for matching and the blocking keys under which it meets its candidates. A pure function. */
public record RecordFeatures(RecordSummary summary, List<BlockingKey> keys) {

    public static RecordFeatures of(NormalizedRecord record, MatchConfig config) {
        RawRecord raw = record.raw();
        List<String> tokens = TextNormalizer.tokens(record.normalizedAbstract());
        String fingerprint = tokens.size() >= config.minExactTokens() ? record.fingerprint() : null;
        long[] shingles = MinHash.shingles(tokens, config.shingleSize());
        long[] signature = null;
        if (shingles.length >= config.minShingles()) {
            signature = MinHash.signature(shingles, MatchConfig.SIGNATURE_SIZE, config.seed());
        }
        String opening = tokens.size() >= config.openingTokens()
                ? hex(MinHash.fnv(String.join(" ", tokens.subList(0, config.openingTokens())))) : null;
        AuthorKeys.Keys authors = AuthorKeys.of(raw.authors());
        String venue = FoldedText.of(raw.venue());
        RecordSummary summary = new RecordSummary(raw.recordId(), Ids.doi(raw.doi()), Ids.arxiv(raw.arxivId(), raw.doi()),
                raw.year(), TitleKey.of(raw.title(), config), TitleKey.words(raw.title()), fingerprint, shingles.length,
                signature == null ? null : MinHash.compact(signature), Ids.pmid(raw.pmid()), Ids.pmcid(raw.pmcid()),
                authors.keys(), authors.truncated(), venue == null || venue.isEmpty() ? null : venue, opening);

        List<BlockingKey> keys = new ArrayList<>();
        if (fingerprint != null) {
            keys.add(new BlockingKey(BlockingKey.FINGERPRINT, fingerprint));
        }
        if (summary.doi() != null && Ids.kind(summary.doi()) != Ids.DoiKind.VOLUME) {
            keys.add(new BlockingKey(BlockingKey.DOI, summary.doi()));
        }
        if (summary.arxiv() != null) {
            keys.add(new BlockingKey(BlockingKey.ARXIV, summary.arxiv()));
        }
        if (summary.pmid() != null) {
            keys.add(new BlockingKey(BlockingKey.PMID, summary.pmid()));
        }
        if (summary.pmcid() != null) {
            keys.add(new BlockingKey(BlockingKey.PMCID, summary.pmcid()));
        }
        if (summary.titleKey() != null) {
            keys.add(new BlockingKey(BlockingKey.TITLE, summary.titleHash()));
        }
        if (!summary.authors().isEmpty() && summary.year() != null) {
            // the first author's family name and the year: finds a copy whose title and abstract both drifted
            String first = summary.authors().get(0);
            int space = first.indexOf(' ');
            keys.add(new BlockingKey(BlockingKey.AUTHOR_YEAR, (space < 0 ? first : first.substring(0, space)) + ":" + summary.year()));
        }
        if (opening != null) {
            keys.add(new BlockingKey(BlockingKey.OPENING, opening));
        }
        if (signature != null) {
            String lshKind = lshKind(config);
            for (int band = 0; band < config.bands(); band++) {
                keys.add(new BlockingKey(lshKind, band + ":" + MinHash.bandHash(signature, band, config.rows())));
            }
        }
        return new RecordFeatures(summary, List.copyOf(keys));
    }

    /** The kind of a band key names everything that gives a band hash its meaning, so keys of other settings never meet. */
    static String lshKind(MatchConfig config) {
        return "lsh" + MatchConfig.LSH_VERSION + "-" + config.shingleSize() + "s" + config.bands() + "x" + config.rows()
                + "-" + Long.toHexString(config.seed());
    }

    private static String hex(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
