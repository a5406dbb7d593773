package io.abstractcatalog.dedup.merge;

import io.abstractcatalog.contract.RecordIdentity;

/**
 * Work ids. A work is a connected component of matched records and is named after its smallest record id (its
 * root): "w-" + a hash of that id. The same records in any order have the same smallest id, so the surviving
 * ids do not depend on arrival order; when two works join, the one with the smaller root survives and the other
 * is redirected to it, never the other way round, so an issued id is never reused for another paper.
 */
public final class WorkId {

    private WorkId() {
    }

    public static String ofRoot(String rootRecordId) {
        return "w-" + RecordIdentity.sha256Hex("root:" + rootRecordId).substring(0, 20);
    }
}
