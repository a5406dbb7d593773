package io.abstractcatalog.catalog.consume;

import io.abstractcatalog.catalog.store.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts what the consumed events did: {@code catalog_work_events_total{outcome=applied|redirected|stale|rejected|invalid}}.
 * A rising {@code stale} share means replays (a reset offset, a rebalance); {@code invalid} means a producer bug.
 */
@ApplicationScoped
class WorkEventMetrics {

    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Counter invalid;
    private final Timer batches;

    WorkEventMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, counter(registry, outcome.name().toLowerCase(Locale.ROOT)));
        }
        invalid = counter(registry, "invalid");
        batches = Timer.builder("catalog.work.batches")
                .description("Time to write one polled batch of work events to the database, commit included")
                .register(registry);
    }

    void record(Map<Outcome, Integer> counts) {
        counts.forEach((outcome, count) -> outcomes.get(outcome).increment(count));
    }

    void invalid() {
        invalid.increment();
    }

    void batch(Duration duration) {
        batches.record(duration);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("catalog.work.events")
                .description("Work events consumed from topic works, by what they did to the catalog")
                .tag("outcome", outcome)
                .register(registry);
    }
}
