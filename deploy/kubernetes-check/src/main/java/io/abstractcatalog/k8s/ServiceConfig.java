package io.abstractcatalog.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's configuration as it runs in a container: its {@code application.properties} under the {@code prod}
 * profile, overridden by environment variables the way Quarkus maps them ({@code kafka.bootstrap.servers} ←
 * {@code KAFKA_BOOTSTRAP_SERVERS}), with {@code ${key}} and {@code ${key:default}} expressions expanded.
 */
public final class ServiceConfig {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private final String service;
    /** Every key of the file (any profile), without the profile prefix. */
    private final Set<String> keys;
    /** The values the prod profile sees. */
    private final Map<String, String> prod;

    private ServiceConfig(String service, Set<String> keys, Map<String, String> prod) {
        this.service = service;
        this.keys = keys;
        this.prod = prod;
    }

    public static ServiceConfig load(String service, Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Set<String> keys = new TreeSet<>();
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> prodOnly = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            String value = properties.getProperty(name);
            if (name.startsWith("%")) {
                int dot = name.indexOf('.');
                String profile = name.substring(1, dot);
                String key = name.substring(dot + 1);
                keys.add(key);
                if (profile.equals("prod")) {
                    prodOnly.put(key, value);
                }
            } else {
                keys.add(name);
                plain.put(name, value);
            }
        }
        Map<String, String> prod = new LinkedHashMap<>(plain);
        prod.putAll(prodOnly);
        return new ServiceConfig(service, keys, prod);
    }

    /** A copy with one property changed, as if someone edited the file (for tests of the checker). */
    public ServiceConfig with(String key, String value) {
        Set<String> newKeys = new TreeSet<>(keys);
        newKeys.add(key);
        Map<String, String> newProd = new LinkedHashMap<>(prod);
        newProd.put(key, value);
        return new ServiceConfig(service, newKeys, newProd);
    }

    public String service() {
        return service;
    }

    /** Every configuration key the file names (so the service reads it, and an environment variable can set it). */
    public Set<String> keys() {
        return keys;
    }

    /** The value under the prod profile, before environment overrides and expansion. */
    public Optional<String> raw(String key) {
        return Optional.ofNullable(prod.get(key));
    }

    /** The environment variable Quarkus maps to {@code key}: non-alphanumerics become {@code _}, upper case. */
    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The value the running service sees, given the container's environment. */
    public Optional<String> resolve(String key, Map<String, String> env) {
        return resolve(key, env, 0);
    }

    private Optional<String> resolve(String key, Map<String, String> env, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("expression loop at " + key + " in " + service);
        }
        String value = env.containsKey(envName(key)) ? env.get(envName(key)) : prod.get(key);
        if (value == null) {
            return Optional.empty();
        }
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String inner = matcher.group(1);
            Optional<String> replacement = resolve(inner, env, depth + 1);
            // Unknown keys (JVM properties such as java.io.tmpdir) stay as written: their value is the machine's.
            String text = replacement.orElse(matcher.group(2) != null ? matcher.group(2) : matcher.group());
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(expanded);
        return Optional.of(expanded.toString());
    }

    public int httpPort(Map<String, String> env) {
        return Integer.parseInt(resolve("quarkus.http.port", env).orElse("8080"));
    }

    /** Path of a health endpoint ({@code live}, {@code ready}, {@code started}) as Quarkus serves it. */
    public String healthPath(String kind, Map<String, String> env) {
        String defaultPath = switch (kind) {
            case "live" -> "live";
            case "ready" -> "ready";
            case "started" -> "started";
            default -> throw new IllegalArgumentException(kind);
        };
        String key = switch (kind) {
            case "live" -> "quarkus.smallrye-health.liveness-path";
            case "ready" -> "quarkus.smallrye-health.readiness-path";
            default -> "quarkus.smallrye-health.startup-path";
        };
        String health = under(nonApplicationRoot(env), resolve("quarkus.smallrye-health.root-path", env).orElse("health"));
        return under(health, resolve(key, env).orElse(defaultPath));
    }

    /** Path of the Prometheus endpoint (micrometer). */
    public String metricsPath(Map<String, String> env) {
        return under(nonApplicationRoot(env), resolve("quarkus.micrometer.export.prometheus.path", env).orElse("metrics"));
    }

    private String nonApplicationRoot(Map<String, String> env) {
        String root = resolve("quarkus.http.root-path", env).orElse("/");
        return under(root, resolve("quarkus.http.non-application-root-path", env).orElse("q"));
    }

    /** Quarkus's rule: an absolute path stands alone, a relative one is under its parent. */
    private static String under(String parent, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (parent.endsWith("/") ? parent : parent + "/") + path;
    }
}
