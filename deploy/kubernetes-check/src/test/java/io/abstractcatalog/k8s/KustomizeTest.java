package io.abstractcatalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the renderer, and saying clearly when there is none or when it fails. */
class KustomizeTest {

    @Test
    void noRendererOnThePath(@TempDir Path empty) {
        assertThat(Kustomize.command(null, empty.toString())).isEmpty();
        assertThat(Kustomize.command(null, null)).isEmpty();
        assertThat(Kustomize.unavailableReason()).contains("NOT rendered", "NOT checked");
    }

    @Test
    void kubectlIsPreferredThenKustomize(@TempDir Path bin) throws IOException {
        Path kustomize = Files.createFile(bin.resolve("kustomize"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(Kustomize.command(null, bin.toString())).contains(java.util.List.of(kustomize.toString(), "build"));
        Path kubectl = Files.createFile(bin.resolve("kubectl"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(Kustomize.command(null, bin.toString())).contains(java.util.List.of(kubectl.toString(), "kustomize"));
        assertThat(Kustomize.command("my-kustomize build", bin.toString())).contains(java.util.List.of("my-kustomize", "build"));
    }

    @Test
    void aBrokenKustomizationFailsWithKustomizesMessage(@TempDir Path dir) throws IOException {
        assumeTrue(Kustomize.command().isPresent(), Kustomize.unavailableReason());
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [missing.yaml]\n");
        assertThatThrownBy(() -> Kustomize.render(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed").hasMessageContaining("missing.yaml");
    }
}
