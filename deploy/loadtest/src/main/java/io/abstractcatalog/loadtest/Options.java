package io.abstractcatalog.loadtest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name=value} command-line options, with the set of names a command knows (a typo is an error). */
public final class Options {

    private final Map<String, String> values = new HashMap<>();

    private Options() {
    }

    public static Options parse(String[] args, Set<String> known, String usage) {
        Options options = new Options();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(usage);
                System.exit(0);
            }
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !known.contains(name)) {
                System.err.println("unknown argument: " + arg);
                System.err.println(usage);
                System.exit(2);
            }
            options.values.put(name, arg.substring(eq + 1));
        }
        return options;
    }

    /** {@code deploy/loadtest/target/<name>} of the checkout (found as the local stack finds it), else ./target/<name>. */
    public static java.nio.file.Path defaultWorkDir(String name) {
        try {
            return io.abstractcatalog.local.StackSettings.findProjectRoot().resolve("deploy/loadtest/target").resolve(name);
        } catch (IllegalStateException e) {
            return java.nio.file.Path.of("target", name).toAbsolutePath();
        }
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** An integer; {@code _} and {@code k}/{@code m} suffixes allowed (100k, 1m, 1_000_000). */
    public int count(String name, int fallback) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        text = text.replace("_", "").toLowerCase();
        int scale = text.endsWith("k") ? 1_000 : text.endsWith("m") ? 1_000_000 : 1;
        return Integer.parseInt(scale == 1 ? text : text.substring(0, text.length() - 1)) * scale;
    }

    public double decimal(String name, double fallback) {
        String text = values.get(name);
        return text == null ? fallback : Double.parseDouble(text);
    }

    /** A duration as {@code 90s}, {@code 5m}, {@code 500ms} or plain seconds. */
    public Duration duration(String name, Duration fallback) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        if (text.endsWith("h")) {
            return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(text.endsWith("s") ? text.substring(0, text.length() - 1) : text));
    }
}
