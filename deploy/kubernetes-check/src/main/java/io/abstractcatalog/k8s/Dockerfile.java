package io.abstractcatalog.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service's Dockerfile, read the way BuildKit reads it (instructions, stages, line continuations), checked
 * without a Docker engine: pinned base images, a build stage that packages this service, a non-root runtime stage
 * that exposes the service's port and runs Quarkus's runnable layout — and that layout assembled from the real
 * {@code mvn package} output by replaying the runtime stage's COPY instructions into a folder.
 */
public final class Dockerfile {

    public record Instruction(String keyword, String arguments) {
    }

    public record Stage(String image, String name, List<Instruction> instructions) {

        public List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        public Optional<String> last(String keyword) {
            List<Instruction> found = all(keyword);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1).arguments());
        }
    }

    private static final Pattern FROM = Pattern.compile("(?i)^(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?$");
    private static final Pattern COPY_FROM = Pattern.compile("^--from=(\\S+)\\s+(.*)$");

    private final List<Stage> stages;

    private Dockerfile(List<Stage> stages) {
        this.stages = stages;
    }

    public static Dockerfile read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static Dockerfile parse(String text) {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        StringBuilder logical = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (logical.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            if (trimmed.endsWith("\\")) {
                logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logical.append(trimmed);
            String instruction = logical.toString().strip();
            logical.setLength(0);
            int space = instruction.indexOf(' ');
            String keyword = (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase();
            String arguments = space < 0 ? "" : instruction.substring(space + 1).strip();
            if (keyword.equals("FROM")) {
                Matcher from = FROM.matcher(arguments);
                if (!from.matches()) {
                    throw new IllegalArgumentException("cannot read FROM " + arguments);
                }
                current = new ArrayList<>();
                stages.add(new Stage(from.group(1), from.group(2), current));
            } else if (current != null) {
                current.add(new Instruction(keyword, arguments));
            }
        }
        return new Dockerfile(stages);
    }

    public List<Stage> stages() {
        return stages;
    }

    public Stage runtime() {
        return stages.get(stages.size() - 1);
    }

    /** Every rule this Dockerfile breaks for {@code service} (listening on {@code port}); empty when it is right. */
    public List<String> violations(String service, int port) {
        List<String> out = new ArrayList<>();
        if (stages.size() < 2) {
            out.add("not a multi-stage build (a build stage from the sources, then a runtime stage)");
            return out;
        }
        for (Stage stage : stages) {
            if (!pinned(stage.image())) {
                out.add("base image " + stage.image() + " is not pinned to a version (tag or digest)");
            }
        }
        Stage build = stages.get(0);
        boolean packages = build.all("RUN").stream().map(Instruction::arguments)
                .anyMatch(run -> run.contains("mvnw") && run.contains("package") && run.matches(".*-pl\\s+" + Pattern.quote(service) + "(\\s|$).*"));
        if (build.name() == null || !packages) {
            out.add("the first stage must be named and run ./mvnw … -pl " + service + " … package");
        }
        Stage runtime = runtime();
        Optional<String> user = runtime.last("USER");
        if (user.isEmpty() || !user.get().matches("\\d+(:\\d+)?") || user.get().matches("0(:\\d+)?")) {
            out.add("the runtime stage must run as a numeric non-root USER (Kubernetes' runAsNonRoot can only verify a number); found "
                    + user.orElse("none"));
        }
        List<String> exposed = runtime.all("EXPOSE").stream().map(Instruction::arguments).toList();
        if (!exposed.contains(String.valueOf(port)) && !exposed.contains(port + "/tcp")) {
            out.add("the runtime stage exposes " + exposed + ", but " + service + " listens on " + port);
        }
        String prefix = "/" + service + "/target/quarkus-app/";
        List<String> copies = runtime.all("COPY").stream().map(Instruction::arguments).toList();
        if (copies.isEmpty() || !copies.stream().allMatch(c -> c.startsWith("--from=" + build.name() + " ") && c.contains(prefix))) {
            out.add("the runtime stage must copy only from stage " + build.name() + "'s " + service + "/target/quarkus-app");
        }
        if (runtime.last("ENTRYPOINT").isEmpty() && runtime.last("CMD").isEmpty()) {
            out.add("the runtime stage has no ENTRYPOINT");
        }
        if (jarInImage().isEmpty()) {
            out.add("the runtime stage does not name the jar it runs (ENV JAVA_APP_JAR=…/quarkus-run.jar)");
        }
        return out;
    }

    /** Where the runnable jar is in the image, from {@code ENV JAVA_APP_JAR} (the base image's run-java.sh reads it). */
    public Optional<String> jarInImage() {
        return runtime().all("ENV").stream().map(Instruction::arguments)
                .map(env -> Pattern.compile("JAVA_APP_JAR=\"?([^\"\\s]+)\"?").matcher(env))
                .filter(Matcher::find).map(m -> m.group(1)).reduce((a, b) -> b)
                .filter(jar -> jar.endsWith("/quarkus-run.jar"));
    }

    static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int colon = image.lastIndexOf(':');
        if (colon < image.lastIndexOf('/') || colon < 0) {
            return false;
        }
        String tag = image.substring(colon + 1).toLowerCase();
        return !Design.MOVING_TAGS.contains(tag) && !tag.contains("snapshot");
    }

    /**
     * Replays the runtime stage's {@code COPY --from=<build>} instructions into {@code rootfs}, taking the build
     * stage's files from {@code checkout} (where {@code mvn package} left them). The build stage's WORKDIR is the
     * checkout's root in the image.
     */
    public void assemble(Path checkout, Path rootfs) {
        String workdir = stages.get(0).last("WORKDIR").orElse("/");
        String root = workdir.endsWith("/") ? workdir : workdir + "/";
        for (Instruction copy : runtime().all("COPY")) {
            Matcher from = COPY_FROM.matcher(copy.arguments());
            if (!from.matches()) {
                throw new IllegalArgumentException("COPY without --from in the runtime stage: " + copy.arguments());
            }
            List<String> parts = List.of(from.group(2).replaceAll("--chown=\\S+\\s+|--chmod=\\S+\\s+", "").trim().split("\\s+"));
            String destination = parts.get(parts.size() - 1);
            for (String source : parts.subList(0, parts.size() - 1)) {
                if (!source.startsWith(root)) {
                    throw new IllegalArgumentException(source + " is outside the build stage's WORKDIR " + workdir);
                }
                copy(checkout, source.substring(root.length()), rootfs.resolve(destination.replaceFirst("^/", "")));
            }
        }
    }

    private static void copy(Path checkout, String source, Path destination) {
        try {
            if (source.endsWith("/")) {
                Path dir = checkout.resolve(source);
                if (!Files.isDirectory(dir)) {
                    throw new IllegalStateException("COPY source " + source + " does not exist in the build output (" + dir + ")");
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Path target = destination.resolve(dir.relativize(file).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                return;
            }
            Path parent = checkout.resolve(source).getParent();
            String glob = Path.of(source).getFileName().toString();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            List<Path> matched;
            try (Stream<Path> files = Files.list(parent)) {
                matched = files.filter(f -> Files.isRegularFile(f) && matcher.matches(f.getFileName())).toList();
            }
            if (matched.isEmpty()) {
                throw new IllegalStateException("COPY source " + source + " matches nothing in the build output");
            }
            Files.createDirectories(destination);
            for (Path file : matched) {
                Files.copy(file, destination.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the runnable layout at {@code jar} (a quarkus-run.jar inside an assembled root). */
    public static List<String> layoutViolations(Path jar) {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(jar)) {
            out.add(jar + " is missing");
            return out;
        }
        Path home = jar.getParent();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String main = manifest.getMainAttributes().getValue("Main-Class");
            if (!"io.quarkus.bootstrap.runner.QuarkusEntryPoint".equals(main)) {
                out.add("quarkus-run.jar's Main-Class is " + main + ", not Quarkus's entry point");
            }
            String classPath = manifest.getMainAttributes().getValue("Class-Path");
            for (String entry : classPath == null ? new String[0] : classPath.trim().split("\\s+")) {
                if (!Files.isRegularFile(home.resolve(entry))) {
                    out.add("quarkus-run.jar needs " + entry + ", which the image lacks");
                }
            }
        } catch (IOException e) {
            out.add("cannot read " + jar + ": " + e.getMessage());
        }
        if (!Files.isRegularFile(home.resolve("quarkus/quarkus-application.dat"))) {
            out.add("quarkus/quarkus-application.dat (the application's class index) is missing");
        }
        try (Stream<Path> app = Files.list(home.resolve("app")); Stream<Path> lib = Files.list(home.resolve("lib/main"))) {
            if (app.noneMatch(f -> f.toString().endsWith(".jar"))) {
                out.add("app/ holds no application jar");
            }
            if (lib.findAny().isEmpty()) {
                out.add("lib/main/ holds no dependencies");
            }
        } catch (IOException e) {
            out.add("app/ or lib/main/ is missing: " + e.getMessage());
        }
        return out;
    }
}
