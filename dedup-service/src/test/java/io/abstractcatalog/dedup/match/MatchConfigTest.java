package io.abstractcatalog.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatchConfigTest {

    @Test
    void aBuilderChangesOnlyWhatItIsToldAndKeepsTheRest() {
        MatchConfig tuned = MatchConfig.builder().jaccardThreshold(0.6).bands(16).rows(8).build();

        assertThat(tuned).isEqualTo(new MatchConfig(3, 16, 8, 0x5eed_ab57_2026L, 0.6, 0.9, 30, 0.2, 0.2, 8, 5, 1, 4, 20, 100,
                3, 0.85, 12, 0.2));
        assertThat(tuned.toBuilder().jaccardThreshold(0.5).bands(32).rows(3).build()).isEqualTo(MatchConfig.DEFAULTS);
    }

    @Test
    void aBuilderRejectsWhatTheConstructorRejects() {
        assertThatThrownBy(() -> MatchConfig.builder().bands(64).rows(5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64×5");
        assertThatThrownBy(() -> MatchConfig.builder().blockCap(1).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
