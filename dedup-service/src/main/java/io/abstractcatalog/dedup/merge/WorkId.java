package io.abstractcatalog.dedup.merge;

import io.abstractcatalog.contract.RecordIdentity;
import io.abstractcatalog.dedup.block.BlockingKey;

/**
 * Work ids. With exact matching a work is exactly one fingerprint block, so its id is derived from that key:
 * stable across restarts, replays and arrival orders.
 */
public final class WorkId {

    private WorkId() {
    }

    public static String of(BlockingKey key) {
        return "w-" + RecordIdentity.sha256Hex(key.toString()).substring(0, 20);
    }
}
