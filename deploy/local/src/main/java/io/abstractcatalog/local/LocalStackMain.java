package io.abstractcatalog.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/run.sh} lands here: starts the stack, prints where everything answers, and stops it all on
 * Ctrl-C. Options (also as system properties): {@code --bucket=DIR} (default {@code ./bucket}),
 * {@code --data=DIR} (default {@code ./.local-run}), {@code --catalog-port}, {@code --ingest-port},
 * {@code --dedup-port} (8080, 8081, 8082), {@code --partitions} (3), {@code --read-replica} (the catalog reads from a
 * streaming replica of its PostgreSQL, as it does in a cluster; off).
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = StackSettings.findProjectRoot();
        StackSettings settings = new StackSettings(root,
                Path.of(option(args, "bucket", "bucket")).toAbsolutePath(),
                Path.of(option(args, "data", ".local-run")).toAbsolutePath(),
                Integer.parseInt(option(args, "catalog-port", Integer.toString(StackSettings.DEFAULT_CATALOG_PORT))),
                Integer.parseInt(option(args, "ingest-port", Integer.toString(StackSettings.DEFAULT_INGEST_PORT))),
                Integer.parseInt(option(args, "dedup-port", Integer.toString(StackSettings.DEFAULT_DEDUP_PORT))),
                Integer.parseInt(option(args, "partitions", "3")),
                flag(args, "read-replica"));

        LocalStack stack = LocalStack.start(settings, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stack   | stopping…");
            stack.close();
            System.out.println("stack   | stopped");
            stopped.countDown();
        }, "local-stack-shutdown"));

        System.out.print(banner(settings, stack));
        stopped.await();
    }

    /** What the run prints once everything is ready: where each part answers, and how to upload with the key. */
    static String banner(StackSettings settings, LocalStack stack) {
        return String.join(System.lineSeparator(), "",
                "  Abstract Catalog is running.",
                "  Drop files into   " + settings.bucket(),
                "  Catalog           " + stack.catalog().url() + "/works   (stats: /stats, API: /q/swagger-ui)",
                "  Ingest ledger     " + stack.ingest().url() + "/files",
                "  Upload            curl -X PUT -H 'X-Api-Key: " + stack.apiKey() + "' --data-binary @FILE "
                        + stack.ingest().url() + "/files/NAME",
                "  Dedup health      " + stack.dedup().url() + "/q/health",
                "  Kafka             " + stack.kafkaBootstrapServers(),
                "  PostgreSQL        " + stack.postgres().jdbcUrl()
                        + (stack.readReplica() != null ? "   (reads: " + stack.readReplica().jdbcUrl() + ")" : ""),
                "  Ctrl-C stops everything.", "", "");
    }

    /** {@code --name} or {@code --name=true}; also {@code -Dcatalog.name=true}. */
    private static boolean flag(String[] args, String name) {
        for (String arg : args) {
            if (arg.equals("--" + name)) {
                return true;
            }
        }
        return Boolean.parseBoolean(option(args, name, "false"));
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return System.getProperty("catalog." + name, fallback);
    }
}
