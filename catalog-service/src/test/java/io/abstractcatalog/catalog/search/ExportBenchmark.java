package io.abstractcatalog.catalog.search;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * Exports the whole catalog of a database CatalogBenchmark loaded (-Dcatalog.bench.dir) through the packaged service
 * started with a small heap (-Xmx256m unless -Dexport.bench.heap), once per format, and prints works/s, bytes/s and
 * the service's heap around each export (from its GC log: the largest heap before a collection, and the largest
 * live after one), next to a reference measured in the same run: PostgreSQL's COPY of the export's own query (the
 * same rows, columns and order) to this process. A main class, not a test: see the README.
 *
 * <p>Arguments: {@code [formats=jsonl,bibtex,ris,csv,csl-json] [query=]} (query: a query string such as q=graph).
 */
public final class ExportBenchmark {

    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    public static void main(String[] args) throws Exception {
        List<String> formats = List.of((args.length > 0 ? args[0] : "jsonl,bibtex,ris,csv,csl-json").split(","));
        String query = args.length > 1 ? args[1] : "";
        String heap = System.getProperty("export.bench.heap", "256m");
        Path jar = Path.of(System.getProperty("catalog.jar", "catalog-service/target/quarkus-app/quarkus-run.jar"));
        Path dir = Path.of(System.getProperty("catalog.bench.dir"));
        Path gcLog = dir.resolve("export-gc.log");
        Files.deleteIfExists(gcLog);
        System.out.println(uptime());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(false).setOverrideWorkingDirectory(dir.resolve("bin").toFile())
                .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "16MB").start()) {
            String jdbc = "jdbc:postgresql://localhost:" + postgres.getPort() + "/catalog";
            int port = 19000 + new Random().nextInt(1000);
            Process service = new ProcessBuilder("java", "-Xmx" + heap, "-Xlog:gc:file=" + gcLog,
                    "-Dquarkus.http.port=" + port, "-Dquarkus.datasource.jdbc.url=" + jdbc,
                    "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=postgres",
                    "-Dcatalog.consumer.enabled=false", "-Dquarkus.kafka.health.enabled=false",
                    "-Dkafka.bootstrap.servers=localhost:1", "-Dquarkus.http.access-log.enabled=false",
                    "-Dquarkus.log.level=WARN", "-jar", jar.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("export-service.log").toFile()).start();
            try (Connection connection = postgres.getDatabase("postgres", "catalog").getConnection()) {
                String base = "http://localhost:" + port;
                awaitUp(base + "/stats", service);
                long works;
                try (Statement statement = connection.createStatement();
                     ResultSet count = statement.executeQuery("SELECT count(*) FROM work")) {
                    count.next();
                    works = count.getLong(1);
                }
                System.out.printf("Export benchmark: %,d works in the catalog, service -Xmx%s, query '%s'%n", works,
                        heap, query);
                reference(connection, query);
                for (String format : formats) {
                    long gcFrom = Files.exists(gcLog) ? Files.size(gcLog) : 0;
                    export(base + "/works?format=" + format + (query.isEmpty() ? "" : "&" + query), format);
                    Thread.sleep(300); // the last collections reach the log
                    heap(Files.readString(gcLog).substring((int) gcFrom));
                }
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
        System.out.println(uptime());
    }

    /** COPY (the export's own query) TO STDOUT: PostgreSQL's fastest way to hand over the same rows. */
    private static void reference(Connection connection, String query) throws Exception {
        SearchRequest request = request(query);
        Sql sql = EveryMatchQuery.of(request, SearchPlanner.phrases(connection, request));
        String text = sql.text();
        for (Object bind : sql.binds()) {
            // COPY takes no bind parameters: the values inlined as literals (text values of a query string only).
            text = text.replaceFirst("\\?", java.util.regex.Matcher.quoteReplacement(literal(bind)));
        }
        Counting out = new Counting("\n");
        long start = System.nanoTime();
        long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + text + ") TO STDOUT", out);
        print("COPY (export query) TO STDOUT", rows, out.bytes, start);
    }

    private static SearchRequest request(String query) {
        java.util.Map<String, String> p = new java.util.HashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                p.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return SearchRequest.of(p.get("q"), p.get("affiliation"), p.get("source"), p.get("has_duplicates"),
                p.get("has_abstract"), p.get("doi"), p.get("author"), p.get("venue"), p.get("pmid"), p.get("year"), p.get("sort"), null, null,
                null, null);
    }

    private static String literal(Object value) {
        if (value instanceof String[] array) {
            StringBuilder out = new StringBuilder("ARRAY[");
            for (int i = 0; i < array.length; i++) {
                out.append(i == 0 ? "" : ",").append(literal(array[i]));
            }
            return out.append("]::text[]").toString();
        }
        return value instanceof Number ? value.toString() : "'" + value.toString().replace("'", "''") + "'";
    }

    private static void export(String url, String format) throws Exception {
        HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
        long start = System.nanoTime();
        Counting out = new Counting(switch (format) {
            case "bibtex" -> "\n@";
            case "ris" -> "ER  - ";
            case "csv", "jsonl" -> "\n";
            default -> "{\"id\":";
        });
        try (InputStream body = http.getInputStream()) {
            body.transferTo(out);
        }
        long works = format.equals("csv") ? out.matches - 1 : out.matches;
        print("GET /works?format=" + format, works, out.bytes, start);
    }

    private static void print(String what, long works, long bytes, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  %-34s %,10d works %8.1f s %,10.0f works/s %7.1f MB/s%n", what, works, seconds,
                works / seconds, bytes / seconds / 1e6);
    }

    private static void heap(String gcLines) {
        int before = 0;
        int after = 0;
        int collections = 0;
        Matcher gc = GC.matcher(gcLines);
        while (gc.find()) {
            collections++;
            before = Math.max(before, Integer.parseInt(gc.group(1)));
            after = Math.max(after, Integer.parseInt(gc.group(2)));
        }
        System.out.printf("  %-34s %d collections, heap before a collection at most %d MB, live after one at most "
                + "%d MB%n", "  service heap", collections, before, after);
    }

    private static String uptime() throws Exception {
        Process uptime = new ProcessBuilder("uptime").redirectErrorStream(true).start();
        return new String(uptime.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static void awaitUp(String url, Process service) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited; see export-service.log");
            }
            try {
                HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
                if (http.getResponseCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not start");
    }

    /** Counts the bytes written and the occurrences of a marker (works: one marker each). */
    private static final class Counting extends OutputStream {
        private final byte[] marker;
        private int matched;
        long bytes;
        long matches;

        Counting(String marker) {
            this.marker = marker.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void write(int b) {
            bytes++;
            if (b == marker[matched]) {
                if (++matched == marker.length) {
                    matches++;
                    matched = 0;
                }
            } else {
                matched = b == marker[0] ? 1 : 0;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }
    }
}
