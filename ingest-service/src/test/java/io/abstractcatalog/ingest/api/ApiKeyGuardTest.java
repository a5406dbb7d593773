package io.abstractcatalog.ingest.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.abstractcatalog.contract.http.ProblemException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyGuardTest {

    @Test
    void withoutAKeyUploadsAreOpenUnlessTheProfileRequiresOne() {
        assertThatCode(() -> new ApiKeyGuard(Optional.empty(), false).check(null, "uploading")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new ApiKeyGuard(Optional.empty(), true).check("anything", "uploading"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(403);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).startsWith("uploading is disabled").contains("ingest.api-key");
                });
        // A blank key counts as none.
        assertThatThrownBy(() -> new ApiKeyGuard(Optional.of(" "), true).check(" ", "uploading")).isInstanceOf(ProblemException.class);
    }

    @Test
    void aConfiguredKeyIsAlwaysRequired() {
        for (boolean required : new boolean[] {false, true}) {
            ApiKeyGuard guard = new ApiKeyGuard(Optional.of("s3cret"), required);
            assertThatCode(() -> guard.check("s3cret", "uploading")).doesNotThrowAnyException();
            assertThatThrownBy(() -> guard.check(null, "uploading")).extracting(e -> ((ProblemException) e).status()).isEqualTo(401);
            assertThatThrownBy(() -> guard.check("", "uploading")).extracting(e -> ((ProblemException) e).status()).isEqualTo(401);
            assertThatThrownBy(() -> guard.check("s3cret ", "uploading")).extracting(e -> ((ProblemException) e).status()).isEqualTo(403);
            assertThatThrownBy(() -> guard.check("S3CRET", "uploading")).extracting(e -> ((ProblemException) e).status()).isEqualTo(403);
        }
    }
}
