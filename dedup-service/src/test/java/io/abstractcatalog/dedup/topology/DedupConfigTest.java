package io.abstractcatalog.dedup.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.dedup.match.MatchConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DedupConfigTest {

    @Test
    void theServiceRunsTheMeasuredDefaultsWhenNoKeyIsSet() throws IOException {
        PropertiesConfigSource properties = new PropertiesConfigSource(
                DedupConfigTest.class.getResource("/application.properties"), 100);

        assertThat(mapping(properties).matchConfig()).isEqualTo(MatchConfig.DEFAULTS);
    }

    @Test
    void aKeyThatIsSetOverridesOnlyItsOwnValue() {
        DedupConfig config = mapping(new PropertiesConfigSource(Map.of(
                "dedup.match.jaccard-threshold", "0.6", "dedup.match.title-conflict-threshold", "0.1",
                "dedup.lsh.bands", "16", "dedup.lsh.rows", "8", "dedup.block.cap", "50"), "test", 100));

        assertThat(config.matchConfig()).isEqualTo(MatchConfig.builder().jaccardThreshold(0.6).titleConflictThreshold(0.1)
                .bands(16).rows(8).blockCap(50).build());
    }

    private static DedupConfig mapping(PropertiesConfigSource source) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(DedupConfig.class).withSources(source).build();
        return config.getConfigMapping(DedupConfig.class);
    }
}
