package io.abstractcatalog.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders a Kustomize directory offline with {@code kubectl kustomize} (or a standalone {@code kustomize build}),
 * whichever is on the PATH; {@code -Dkustomize.command="…"} overrides the choice.
 */
public final class Kustomize {

    private Kustomize() {
    }

    /** The command that renders, or empty when neither kubectl nor kustomize is on the PATH. */
    public static Optional<List<String>> command() {
        return command(System.getProperty("kustomize.command"), System.getenv("PATH"));
    }

    /** The command given an explicit choice (may be null) and a PATH (may be null). */
    static Optional<List<String>> command(String configured, String path) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(List.of(configured.trim().split("\\s+")));
        }
        Optional<Path> kubectl = onPath("kubectl", path);
        if (kubectl.isPresent()) {
            return Optional.of(List.of(kubectl.get().toString(), "kustomize"));
        }
        return onPath("kustomize", path).map(kustomize -> List.of(kustomize.toString(), "build"));
    }

    /** Why rendering is impossible here, for the message of a skipped test. */
    public static String unavailableReason() {
        return "neither kubectl nor kustomize is on the PATH (" + System.getenv("PATH") + "): the overlays were NOT rendered "
                + "and the manifest invariants were NOT checked. Install kubectl (it embeds kustomize) to run these checks.";
    }

    /** The rendered multi-document YAML of {@code dir}; fails with kustomize's own message when it cannot render. */
    public static String render(Path dir) {
        List<String> command = new ArrayList<>(command().orElseThrow(() -> new IllegalStateException(unavailableReason())));
        command.add(dir.toAbsolutePath().normalize().toString());
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String stdout = read(process.getInputStream());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                        + stderr.join().strip());
            }
            return stdout;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + dir, e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> onPath(String binary, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, binary);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
