package io.abstractcatalog.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowPathTest {

    @ParameterizedTest(name = "{0} expected matches among 10,000 probed works, window {1} -> probe {2} works ({3})")
    @CsvSource({
            "0, 200, 0, INDEX",
            "1, 200, 0, INDEX",
            "25, 200, 0, INDEX",        // 8 x 25 = 200: even the deepest probe is expected to hold no more than the window
            "26, 200, 80000, PROBE",    // 8 x 26 = 208
            "51, 200, 40000, PROBE",
            "100, 200, 40000, PROBE",   // twice 100 is no more than 200: four times as deep
            "101, 200, 20000, PROBE",
            "200, 200, 20000, PROBE",   // as many as the window: not more, so twice as deep
            "201, 200, 10000, PROBE",
            "9000, 200, 10000, PROBE",
            "125, 1000, 0, INDEX",
            "126, 1000, 80000, PROBE",
            "1001, 1000, 10000, PROBE"})
    void theProbeIsAsDeepAsTheWindowIsExpectedToNeed(long expected, int window, int depth, WindowPath path) {
        RankWindow rankWindow = new RankWindow(window, 10_000);
        assertThat(WindowPath.depth(expected, rankWindow)).isEqualTo(depth);
        assertThat(WindowPath.of(WindowPath.depth(expected, rankWindow))).isEqualTo(path);
    }

    @ParameterizedTest(name = "a huge estimate {0} probes the window's probe")
    @CsvSource({"100000000", "9223372036854775807"})
    void aHugeEstimateProbesTheWindowsOwnProbe(long expected) {
        assertThat(WindowPath.depth(expected, new RankWindow(200, 10_000))).isEqualTo(10_000);
    }
}
