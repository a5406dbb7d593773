package io.abstractcatalog.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.embedded.TestDirectories;
import io.abstractcatalog.loadtest.generate.LoadSpec;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's own code path, small: 300 generated records (30 of them copies) through the real local stack,
 * then both limits, the catalog replay and a few latency probes. Checks correctness only; no timing is asserted.
 */
class EndToEndBenchmarkIT {

    @Test
    void threeHundredGeneratedRecordsBecomeTheExpectedWorksAndEveryPhaseReports() throws Exception {
        Path corpus = Path.of(EndToEndBenchmarkIT.class.getResource("/arxiv-sample-300.csv").toURI());
        EndToEndBenchmark.Settings settings = new EndToEndBenchmark.Settings(corpus, new LoadSpec(3, 100, 0.05, 0.05, 42),
                TestDirectories.fresh("loadtest-smoke"), 3, 3, 5, Duration.ofMillis(500), true, Duration.ofMinutes(3));

        EndToEndBenchmark.Report report = EndToEndBenchmark.run(settings, System.out);
        EndToEndBenchmark.print(report, System.out);

        assertThat(report.complete()).isTrue();
        assertThat(report.catalog().works()).isEqualTo(report.expected().works()).isEqualTo(270);
        assertThat(report.catalog().records()).isEqualTo(300);
        assertThat(report.ledger().done()).isEqualTo(3); // read when the bulk was complete, before the probes
        assertThat(report.ledger().rejections()).isZero();
        assertThat(report.copy().records()).isEqualTo(300);
        assertThat(report.copy().rowsPerTable().get("work")).isEqualTo(270);
        assertThat(report.rawProducer().records()).isEqualTo(300);
        assertThat(report.catalogAlone().works()).as("works rebuilt by the replaying catalog").isEqualTo(270);
        assertThat(report.latency().latenciesSeconds()).hasSize(3);
        assertThat(report.peakRssBytes().get("catalog")).isPositive();
        assertThat(report.peakRssBytes().get("dedup")).isPositive();
        assertThat(report.peakRssBytes().get("ingest")).isPositive();
    }
}
