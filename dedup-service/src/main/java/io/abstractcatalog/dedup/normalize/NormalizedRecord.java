package io.abstractcatalog.dedup.normalize;

import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.RecordIdentity;

/**
 * A raw record with what matching needs: the folded abstract (without page furniture) and title and the abstract's
 * exact fingerprint.
 *
 * @param fingerprint SHA-256 of the normalizer version and the normalized abstract; records with the same
 *                    fingerprint are exact duplicates
 */
public record NormalizedRecord(RawRecord raw, String normalizedAbstract, String normalizedTitle, String fingerprint) {

    public static NormalizedRecord of(RawRecord raw) {
        // a bibliographic record may have no abstract (null or blank): it normalizes to "" and matches on the rest
        String abstractText = PageFurniture.strip(TextNormalizer.normalize(raw.abstractText()));
        String title = TextNormalizer.normalize(raw.title());
        // An empty abstract matches nothing: fingerprint the record itself so it stays its own work.
        String fingerprintInput = abstractText.isEmpty() ? "record:" + raw.recordId() : abstractText;
        String fingerprint = RecordIdentity.sha256Hex("v" + TextNormalizer.VERSION + ":" + fingerprintInput);
        return new NormalizedRecord(raw, abstractText, title, fingerprint);
    }
}
