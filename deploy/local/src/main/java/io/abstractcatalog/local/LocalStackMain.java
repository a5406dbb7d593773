package io.abstractcatalog.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/run.sh} lands here: starts the stack, prints where everything answers, and stops it all on
 * Ctrl-C. Options (also as system properties): {@code --bucket=DIR} (default {@code ./bucket}),
 * {@code --data=DIR} (default {@code ./.local-run}), {@code --catalog-port}, {@code --ingest-port},
 * {@code --dedup-port} (8080, 8081, 8082), {@code --partitions} (3).
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
                Integer.parseInt(option(args, "partitions", "3")));

        LocalStack stack = LocalStack.start(settings, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stack   | stopping…");
            stack.close();
            System.out.println("stack   | stopped");
            stopped.countDown();
        }, "local-stack-shutdown"));

        System.out.println();
        System.out.println("  Abstract Catalog is running.");
        System.out.println("  Drop files into   " + settings.bucket());
        System.out.println("  Catalog           " + stack.catalog().url() + "/works   (stats: /stats, API: /q/openapi)");
        System.out.println("  Ingest ledger     " + stack.ingest().url() + "/files");
        System.out.println("  Dedup health      " + stack.dedup().url() + "/q/health");
        System.out.println("  Kafka             " + stack.kafkaBootstrapServers());
        System.out.println("  Ctrl-C stops everything.");
        System.out.println();
        stopped.await();
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
