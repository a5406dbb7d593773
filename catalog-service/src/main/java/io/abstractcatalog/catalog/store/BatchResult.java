package io.abstractcatalog.catalog.store;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcome of each event of a batch, in batch order. */
public record BatchResult(List<Outcome> outcomes) {

    public BatchResult {
        outcomes = List.copyOf(outcomes);
    }

    public Map<Outcome, Integer> counts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        outcomes.forEach(outcome -> counts.merge(outcome, 1, Integer::sum));
        return counts;
    }
}
