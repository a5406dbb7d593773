package io.abstractcatalog.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowPathTest {

    @ParameterizedTest(name = "{0} expected matches among the probed works, window {1} -> {2}")
    @CsvSource({
            "0, 200, INDEX",
            "1, 200, INDEX",
            "200, 200, INDEX",   // even if all are found, the probe holds no more than the window: nothing saved
            "201, 200, PROBE",
            "9000, 200, PROBE",
            "1000, 1000, INDEX",
            "1001, 1000, PROBE"})
    void aQueryExpectedToFillTheWindowFromTheProbeIsProbed(long expected, int window, WindowPath path) {
        assertThat(WindowPath.choose(expected, new RankWindow(window, 10_000))).isEqualTo(path);
    }
}
