package io.abstractcatalog.dedup.block;

import io.abstractcatalog.dedup.normalize.NormalizedRecord;
import java.util.List;

/**
 * A key under which candidate duplicates meet: records are repartitioned by it, so every record that shares a key
 * lands on one partition. Only the exact fingerprint exists so far; identifier, title and LSH band keys join it
 * when near-duplicate matching arrives.
 */
public record BlockingKey(String kind, String value) {

    public static final String FINGERPRINT = "fp";

    public static List<BlockingKey> of(NormalizedRecord record) {
        return List.of(new BlockingKey(FINGERPRINT, record.fingerprint()));
    }

    @Override
    public String toString() {
        return kind + ":" + value;
    }
}
