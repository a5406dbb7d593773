package io.abstractcatalog.dedup.match;

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
        RecordSummary summary = new RecordSummary(raw.recordId(), Ids.doi(raw.doi()), Ids.arxiv(raw.arxivId(), raw.doi()),
                raw.year(), TitleKey.of(raw.title(), config), TitleKey.words(raw.title()), fingerprint, shingles.length,
                signature == null ? null : MinHash.compact(signature));

        List<BlockingKey> keys = new ArrayList<>();
        if (fingerprint != null) {
            keys.add(new BlockingKey(BlockingKey.FINGERPRINT, fingerprint));
        }
        if (summary.doi() != null) {
            keys.add(new BlockingKey(BlockingKey.DOI, summary.doi()));
        }
        if (summary.arxiv() != null) {
            keys.add(new BlockingKey(BlockingKey.ARXIV, summary.arxiv()));
        }
        if (summary.titleKey() != null) {
            keys.add(new BlockingKey(BlockingKey.TITLE, summary.titleHash()));
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
}
