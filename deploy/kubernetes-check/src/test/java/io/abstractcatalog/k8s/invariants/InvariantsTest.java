package io.abstractcatalog.k8s.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.k8s.Rendered;
import io.abstractcatalog.k8s.Violation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real overlays satisfy every invariant (ManifestChecker.RULES lists the rules). */
class InvariantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayHoldsEveryInvariant(String overlay) {
        List<Violation> violations = ManifestChecker.check(Rendered.overlay(overlay), ManifestChecker.Sources.of(Rendered.LAYOUT));
        assertThat(violations).as("violations in overlay " + overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod-external-s3", "prod-kafka-tls-scram"})
    void fixtureOverlayHoldsEveryInvariant(String fixture) {
        List<Violation> violations = ManifestChecker.check(Rendered.fixture(fixture), ManifestChecker.Sources.of(Rendered.LAYOUT));
        assertThat(violations).as("violations in " + fixture).isEmpty();
    }
}
