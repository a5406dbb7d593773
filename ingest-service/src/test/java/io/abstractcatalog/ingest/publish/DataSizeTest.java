package io.abstractcatalog.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataSizeTest {

    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "347047, 338.9 KiB", "5242880, 5.0 MiB",
            "1073741824, 1.0 GiB"})
    void sizesReadLikeAPersonWouldWriteThem(long bytes, String text) {
        assertThat(DataSize.format(bytes)).isEqualTo(text);
    }
}
