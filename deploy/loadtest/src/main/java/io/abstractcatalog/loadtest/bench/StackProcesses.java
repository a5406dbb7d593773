package io.abstractcatalog.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The stack's processes as the operating system sees them: {@code ServiceProcess} does not expose its pid, so the
 * service JVMs are found among this JVM's descendants by the jar they run, and PostgreSQL by its pid file.
 * Kafka runs inside this JVM.
 */
public final class StackProcesses {

    private StackProcesses() {
    }

    /** The JVM running {@code <name>-service/target/quarkus-app/quarkus-run.jar}. */
    public static Optional<ProcessHandle> service(String name) {
        String jar = name + "-service/target/quarkus-app/quarkus-run.jar";
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(args -> List.of(args).stream().anyMatch(a -> a.endsWith(jar))).orElse(false))
                .findFirst();
    }

    /**
     * PostgreSQL's processes: the postmaster and its children (backends, checkpointer, …). pg_ctl detaches the
     * server from this JVM, so it is found through the pid file in its data directory.
     */
    public static List<ProcessHandle> postgres(Path dataDirectory) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
            return ProcessHandle.of(pid).map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.children()).toList())
                    .orElse(List.of());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** A JVM system property from a process's command line ({@code -Dkey=value}). */
    public static Optional<String> systemProperty(ProcessHandle process, String key) {
        return process.info().arguments().flatMap(args -> List.of(args).stream()
                .filter(a -> a.startsWith("-D" + key + "=")).map(a -> a.substring(key.length() + 3)).findFirst());
    }

    /** Peak resident set size (VmHWM) in bytes, or -1 if the process is gone. */
    public static long peakRss(long pid) {
        return statusField(pid, "VmHWM:");
    }

    /** Current resident set size (VmRSS) in bytes, or -1. */
    public static long rss(long pid) {
        return statusField(pid, "VmRSS:");
    }

    private static long statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended
        }
        return -1;
    }

    /** CPU time (user + system) a process has used so far, in seconds, from {@code /proc/<pid>/stat}; -1 if it is gone. */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name (which may hold spaces) in parentheses: utime and stime are 14 and 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Load average over 1, 5 and 15 minutes, as uptime prints it. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
