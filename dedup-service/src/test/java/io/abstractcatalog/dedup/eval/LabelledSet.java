package io.abstractcatalog.dedup.eval;

import io.abstractcatalog.contract.RawRecord;
import java.util.List;
import java.util.Map;

/** Records and their gold cluster: {@code gold} maps a record id to its cluster label (records absent are singletons). */
public record LabelledSet(String name, List<RawRecord> records, Map<String, String> gold) {
}
