package io.abstractcatalog.catalog.search;

import io.abstractcatalog.contract.FoldedText;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;

/**
 * Loads N generated works into a fresh PostgreSQL with COPY (or reuses -Dcatalog.bench.dir), starts the packaged
 * service against it (consumer off), then drives typical queries with concurrency, once through the REST API and once
 * as WorkSearch.search over JDBC (the API's own statements), and prints p50/p99 latency and throughput for each. A
 * main class, not a test: see the README for how to run it.
 *
 * <p>Arguments: {@code [works=1000000] [secondsPerScenario=10] [threads=8]}.
 */
public final class CatalogBenchmark {

    static final String[] COMMON = {"learning", "network", "model", "data", "training", "method", "result",
            "performance", "approach", "task"};
    static final String[] MEDIUM = {"transformer", "attention", "graph", "reinforcement", "diffusion", "bayesian",
            "kernel", "convolution", "adversarial", "embedding", "sparse", "quantum", "robust", "federated",
            "contrastive", "generative", "causal", "spectral", "manifold", "variational"};

    /**
     * The service's catalog.search.rank-window and rank-probe, passed to it so both sides rank the same window: as
     * given with -D, else the service's own values (application.properties).
     */
    static final RankWindow RANK_WINDOW = new RankWindow(setting("catalog.search.rank-window"),
            setting("catalog.search.rank-probe"));
    static final RankWindow FACET_WINDOW = new RankWindow(setting("catalog.search.facet-window"),
            Math.max(setting("catalog.search.facet-window"), RANK_WINDOW.probe()));

    /** A search setting: the system property, else the value of the service's application.properties. */
    private static int setting(String key) {
        String given = System.getProperty(key);
        if (given != null) {
            return Integer.parseInt(given);
        }
        try (InputStream in = CatalogBenchmark.class.getResourceAsStream("/application.properties")) {
            Properties service = new Properties();
            service.load(in);
            return Integer.parseInt(service.getProperty(key).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int works = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path jar = Path.of(System.getProperty("catalog.jar", "catalog-service/target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -f catalog-service/pom.xml package first");
        }
        // -Dcatalog.bench.dir keeps the database between runs (loading 1M works takes many minutes); it is loaded
        // only while its work table is empty.
        String keep = System.getProperty("catalog.bench.dir");
        Path dir = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("catalog-bench-");
        System.out.printf("Benchmark: %,d works, %d s per scenario, %d threads, data in %s%n", works, seconds, threads, dir);
        // One kept-alive connection per client thread (the JDK keeps 5 per host by default).
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, threads)));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(keep == null).setOverrideWorkingDirectory(dir.resolve("bin").toFile())
                .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "16MB")
                .setServerConfig("max_connections", "100").start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'catalog'")) {
                    if (!exists.next()) {
                        s.execute("CREATE DATABASE catalog");
                    }
                }
            }
            String jdbc = "jdbc:postgresql://localhost:" + postgres.getPort() + "/catalog";
            int port = 18000 + new Random().nextInt(1000);
            Process service = new ProcessBuilder("java", "-Xmx512m", "-Dquarkus.http.port=" + port,
                    "-Dquarkus.datasource.jdbc.url=" + jdbc, "-Dquarkus.datasource.username=postgres",
                    "-Dquarkus.datasource.password=postgres", "-Dcatalog.consumer.enabled=false",
                    "-Dcatalog.search.rank-window=" + RANK_WINDOW.size(), "-Dcatalog.search.rank-probe=" + RANK_WINDOW.probe(),
                    "-Dcatalog.search.facet-window=" + FACET_WINDOW.size(),
                    "-Dquarkus.kafka.health.enabled=false", "-Dkafka.bootstrap.servers=localhost:1",
                    "-Dquarkus.http.access-log.enabled=false", "-Dquarkus.log.level=WARN",
                    "-jar", jar.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("service.log").toFile()).start();
            try {
                String base = "http://localhost:" + port;
                awaitUp(base + "/stats", service, dir);
                try (Connection connection = postgres.getDatabase("postgres", "catalog").getConnection()) {
                    long loaded = count(connection);
                    if (loaded == 0) {
                        load(connection, works);
                    } else if (loaded != works) {
                        // Figures measured on another size (or on rows a scratch test left behind) would mislead.
                        throw new IllegalStateException(String.format("%s holds %,d works, not the %,d asked for: "
                                + "ask for %,d, or remove the folder to load %,d anew", dir, loaded, works, loaded, works));
                    } else {
                        System.out.printf("  reusing %,d loaded works%n", loaded);
                    }
                    if (seconds == 0) {
                        return;
                    }
                    run(base, connection, postgres, works, seconds, threads);
                }
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ loading

    private static long count(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM work")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static void load(Connection connection, int works) throws Exception {
        Instant start = Instant.now();
        var copy = ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI();
        copy.copyIn("COPY work (work_id, version, title, abstract_text, member_count, first_seen, updated_at, year, "
                        + "authors, venue, venue_key) FROM STDIN",
                new Lines(works, i -> {
                    Random r = new Random(i);
                    Gen g = new Gen(i, r);
                    return String.join("\t", g.id, "1", g.title, g.abstractText, Integer.toString(g.members),
                            g.firstSeen, g.updatedAt, g.year == null ? "\\N" : g.year.toString(), g.authorsJson(),
                            g.venue == null ? "\\N" : g.venue, g.venue == null ? "\\N" : FoldedText.of(g.venue)) + "\n";
                }));
        report("work", start);
        copy.copyIn("COPY work_author (work_id, position, name, name_key, name_words) FROM STDIN", new Lines(works, i -> {
            Gen g = new Gen(i, new Random(i));
            StringBuilder out = new StringBuilder();
            for (int a = 0; a < g.authors.size(); a++) {
                List<String> words = FoldedText.words(g.authors.get(a));
                out.append(g.id).append('\t').append(a).append('\t').append(g.authors.get(a)).append('\t')
                        .append(String.join(" ", words)).append("\t{").append(String.join(",", words)).append("}\n");
            }
            return out.toString();
        }));
        report("work_author", start);
        copy.copyIn("COPY work_author_word (work_id, word, updated_at) FROM STDIN", new Lines(works, i -> {
            Gen g = new Gen(i, new Random(i));
            StringBuilder out = new StringBuilder();
            for (String word : new LinkedHashSet<>(g.authors.stream().flatMap(a -> FoldedText.words(a).stream())
                    .toList())) {
                out.append(g.id).append('\t').append(word).append('\t').append(g.updatedAt).append('\n');
            }
            return out.toString();
        }));
        report("work_author_word", start);
        copy.copyIn("COPY work_affiliation (work_id, affiliation, updated_at) FROM STDIN", new Lines(works, i -> {
            Gen g = new Gen(i, new Random(i));
            StringBuilder out = new StringBuilder();
            for (String a : g.affiliations) {
                out.append(g.id).append('\t').append(a).append('\t').append(g.updatedAt).append('\n');
            }
            return out.toString();
        }));
        report("work_affiliation", start);
        copy.copyIn("COPY work_source (work_id, record_id, bucket, object_key, content_hash, format, ordinal, line, ingested_at) FROM STDIN",
                new Lines(works, i -> {
                    Gen g = new Gen(i, new Random(i));
                    StringBuilder out = new StringBuilder();
                    for (int m = 0; m < g.members; m++) {
                        int file = (i * 7 + m * 131) % 1000;
                        out.append(g.id).append('\t').append("r-").append(i).append('-').append(m).append("\tbench\t")
                                .append("bench/file-").append(file).append(".txt\thash").append(file).append('\t')
                                .append(Gen.FORMATS[file % Gen.FORMATS.length]).append('\t').append(i % 500).append('\t')
                                .append(i % 500 * 3 + 1).append('\t').append(g.firstSeen).append('\n');
                    }
                    return out.toString();
                }));
        report("work_source", start);
        copy.copyIn("COPY work_identifier (work_id, kind, value) FROM STDIN", new Lines(works, i -> {
            Gen g = new Gen(i, new Random(i));
            StringBuilder out = new StringBuilder();
            if (i % 3 == 0) {
                out.append(g.id).append("\tdoi\t10.5555/bench.").append(i).append('\n');
            }
            if (g.arxiv != null) {
                out.append(g.id).append("\tarxiv\t").append(g.arxiv).append('\n');
            }
            return out.toString();
        }));
        report("work_identifier", start);
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
        report("vacuum analyze", start);
    }

    private static void report(String step, Instant start) {
        System.out.printf("  loaded %-18s after %6.1f s%n", step, Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    /** One generated work; the same i always gives the same work, so every table's pass agrees. */
    static final class Gen {
        static final String[] FORMATS = {"affiliation-page", "trending-page", "jsonl", "csv", "bibtex"};
        final String id;
        final String title;
        final String abstractText;
        final int members;
        final String firstSeen;
        final String updatedAt;
        final String arxiv;
        final Integer year;
        final List<String> affiliations = new ArrayList<>();
        /** 1-8 authors from 30,000 family names (Zipf-like: Family 7 is on thousands of works, most on a few). */
        final List<String> authors = new ArrayList<>();
        /** One of 2,000 venues (Zipf-like), absent for 10 % of the works. */
        final String venue;

        Gen(int i, Random r) {
            id = String.format("w-%08d", i);
            title = words(r, 6 + r.nextInt(6));
            abstractText = words(r, 50 + r.nextInt(40)) + ".";
            members = r.nextInt(100) < 85 ? 1 : 2 + r.nextInt(2);
            OffsetDateTime base = OffsetDateTime.parse("2025-01-01T00:00:00Z");
            firstSeen = base.plusSeconds(i * 20L).toString();
            updatedAt = base.plusSeconds(i * 20L + r.nextInt(86400)).toString();
            if (r.nextBoolean()) {
                int yy = 7 + r.nextInt(19);
                arxiv = String.format("%02d%02d.%05d", yy, 1 + r.nextInt(12), i % 100000);
                year = 2000 + yy;
            } else {
                arxiv = null;
                // a publication year for most works without an arXiv id (1980-2026), none for one in ten
                year = r.nextInt(10) == 0 ? null : 1980 + r.nextInt(47);
            }
            int authorCount = 1 + r.nextInt(8);
            for (int a = 0; a < authorCount; a++) {
                int family = (int) Math.floor(Math.pow(r.nextDouble(), 3) * 30_000);
                authors.add(GIVEN[r.nextInt(GIVEN.length)] + " Family" + family);
            }
            venue = r.nextInt(10) == 0 ? null : "Venue " + (int) Math.floor(Math.pow(r.nextDouble(), 3) * 2000);
            int count = 1 + r.nextInt(2);
            for (int a = 0; a < count; a++) {
                // Zipf-like: a few large institutions, a long tail.
                int n = (int) Math.floor(Math.pow(r.nextDouble(), 3) * 2000);
                String name = "University " + n;
                if (!affiliations.contains(name)) {
                    affiliations.add(name);
                }
            }
        }

        static final String[] GIVEN = {"Ada", "Alan", "Grace", "Kurt", "Marie", "Emmy", "John", "Yann", "Geoffrey", "Fei"};

        /** The authors column as WorkWriter writes it; generated names need no JSON escaping. */
        String authorsJson() {
            StringBuilder json = new StringBuilder("[");
            for (String author : authors) {
                int space = author.indexOf(' ');
                json.append(json.length() > 1 ? "," : "").append("{\"name\":\"").append(author).append("\",\"family\":\"")
                        .append(author.substring(space + 1)).append("\",\"given\":\"").append(author, 0, space)
                        .append("\"}");
            }
            return json.append(']').toString();
        }

        private static String words(Random r, int count) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < count; w++) {
                if (w > 0) {
                    text.append(' ');
                }
                int roll = r.nextInt(100);
                if (roll < 25) {
                    text.append(COMMON[r.nextInt(COMMON.length)]);
                } else if (roll < 30) {
                    text.append(MEDIUM[r.nextInt(MEDIUM.length)]);
                } else {
                    // A long tail of 50,000 rare terms.
                    text.append("t").append(Integer.toString((int) Math.floor(Math.pow(r.nextDouble(), 2) * 50_000), 36));
                }
            }
            return text.toString();
        }
    }

    /** Streams generated COPY text without holding it in memory. */
    static final class Lines extends Reader {
        private final int count;
        private final IntFunction<String> line;
        private int next;
        private String buffer = "";
        private int position;

        Lines(int count, IntFunction<String> line) {
            this.count = count;
            this.line = line;
        }

        @Override
        public int read(char[] target, int offset, int length) {
            while (position >= buffer.length()) {
                if (next >= count) {
                    return -1;
                }
                buffer = line.apply(next++);
                position = 0;
            }
            int n = Math.min(length, buffer.length() - position);
            buffer.getChars(position, position + n, target, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    // ------------------------------------------------------------------------------------------------ queries

    /** A scenario: its name and its GET /works query string, which the SQL side parses as the resource does. */
    record Scenario(String name, String query) {

        SearchRequest request() {
            Map<String, String> p = new HashMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                p.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return SearchRequest.of(p.get("q"), p.get("affiliation"), p.get("source"), p.get("has_duplicates"),
                    p.get("has_abstract"), p.get("doi"), p.get("author"), p.get("venue"), p.get("pmid"), p.get("year"), p.get("sort"),
                    p.get("limit"), p.get("select"), p.get("group_by"), p.get("cursor"));
        }
    }

    static void run(String base, Connection connection, EmbeddedPostgres postgres, int works,
                    int seconds, int threads) throws Exception {
        String deepCursor = deepCursor(connection, works / 2);
        List<Scenario> scenarios = List.of(
                new Scenario("search 2 medium words (20, relevance)", "q=transformer%20attention"),
                new Scenario("search 3 medium words (GIN branch)", "q=transformer%20attention%20graph"),
                new Scenario("search rare + medium word (all ranked)", "q=t12kv%20transformer"),
                new Scenario("search common word (20, relevance)", "q=learning"),
                new Scenario("search phrase + exclusion", "q=%22graph%20kernel%22%20-quantum"),
                new Scenario("filter affiliation, newest first", "affiliation=University%2017"),
                new Scenario("filter year+duplicates, by title", "year=2015-2018&has_duplicates=true&sort=title"),
                new Scenario("facet affiliation for a search", "q=bayesian&group_by=affiliation&limit=1"),
                new Scenario("deep cursor (middle of catalog)", "cursor=" + deepCursor),
                // Family 40 is on ~0.4 % of the works, Family 7 on ~1.3 % (the Zipf-like spread of Gen)
                new Scenario("filter author, newest first", "author=family40"),
                new Scenario("filter author + search word", "author=family7&q=learning"),
                new Scenario("sort -year (newest year first)", "sort=-year"),
                new Scenario("filter venue, sort -year", "venue=venue%2017&sort=-year"),
                new Scenario("facet year+venue for a search", "q=bayesian&group_by=year,venue&limit=1"));
        // Not measured: every scenario once through both sides, so the fresh service JVM's JIT compilation (C2 threads
        // share the two cores) is over before the first measured scenario, not charged to whichever comes first.
        int warmUp = Integer.getInteger("catalog.bench.warmup", 3);
        if (warmUp > 0) {
            System.out.printf("  warming up: every scenario for %d s through the API and through SQL%n", warmUp);
            for (Scenario scenario : scenarios) {
                drive(threads, warmUp, () -> get(base + "/works?" + scenario.query).length());
                try (SqlCall sql = new SqlCall(postgres, scenario)) {
                    drive(threads, warmUp, sql);
                }
            }
        }
        System.out.printf("%n%-38s %-6s %9s %9s %9s %10s%n", "scenario", "via", "p50 ms", "p99 ms", "req/s", "rows");
        for (Scenario scenario : scenarios) {
            Result api = drive(threads, seconds, () -> get(base + "/works?" + scenario.query).length());
            Result sql;
            try (SqlCall call = new SqlCall(postgres, scenario)) {
                sql = drive(threads, seconds, call);
            }
            System.out.printf("%-38s %-6s %9.2f %9.2f %9.1f %10s%n", scenario.name, "API", api.p50, api.p99, api.throughput, "");
            System.out.printf("%-38s %-6s %9.2f %9.2f %9.1f %10d%n", "", "SQL", sql.p50, sql.p99, sql.throughput, sql.rows);
            System.out.printf("%-38s %-6s %8.0f%%%n", "", "API/SQL", 100 * api.throughput / sql.throughput);
        }
    }

    /** The cursor of the row at the given position of the default listing, as the API would issue it. */
    static String deepCursor(Connection connection, int offset) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT updated_at, work_id FROM work ORDER BY updated_at DESC, work_id OFFSET ? LIMIT 1")) {
            query.setInt(1, offset);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                SearchRequest request = Requests.of(null, null, null, null, null, null, null, null, null, null, null);
                return new SearchCursor(request.sort().token(), request.fingerprint(),
                        row.getObject(1, OffsetDateTime.class).toInstant().toString(), row.getString(2)).encode();
            }
        }
    }

    /**
     * Exactly what the API runs on the database for the scenario (WorkSearch.search: the page query with its
     * attributes, and the facet query), on a connection per thread; the API side adds only HTTP, JSON and the pool.
     */
    static final class SqlCall implements Call, AutoCloseable {
        private final EmbeddedPostgres postgres;
        private final Scenario scenario;
        private final ThreadLocal<Connection> connection = new ThreadLocal<>();
        /** Every thread's connection, closed after the scenario (max_connections is 100; 8 threads x 18 drives). */
        private final List<Connection> opened = new CopyOnWriteArrayList<>();
        /** Shared by the threads and read at most once a second, as the service's bean does. */
        private final ProbeStarts starts = new ProbeStarts();

        SqlCall(EmbeddedPostgres postgres, Scenario scenario) {
            this.postgres = postgres;
            this.scenario = scenario;
        }

        @Override
        public int call() throws Exception {
            if (connection.get() == null) {
                Connection opened = postgres.getDatabase("postgres", "catalog").getConnection();
                try (Statement statement = opened.createStatement()) {
                    // As the service's quarkus.datasource.jdbc.new-connection-sql.
                    statement.execute("SET plan_cache_mode = force_custom_plan");
                }
                connection.set(opened);
                this.opened.add(opened);
            }
            SearchRequest request = scenario.request();
            WorkPage page = WorkSearch.search(connection.get(), request, RANK_WINDOW, FACET_WINDOW, null, starts);
            return page.results().size() + (page.groups() == null ? 0 : page.groups().values().stream().mapToInt(g -> g.results().size()).sum());
        }

        @Override
        public void close() throws SQLException {
            for (Connection each : opened) {
                each.close();
            }
        }
    }

    interface Call {
        int call() throws Exception;
    }

    record Result(double p50, double p99, double throughput, long rows) {
    }

    static Result drive(int threads, int seconds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // Not measured: JIT of a fresh service, and the first reads of the scenario's pages.
            long warmUpEnd = System.nanoTime() + Duration.ofSeconds(Math.max(3, seconds / 3)).toNanos();
            long end = warmUpEnd + Duration.ofSeconds(seconds).toNanos();
            List<Future<long[]>> futures = new ArrayList<>();
            long[] rows = new long[1];
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    while (true) {
                        long started = System.nanoTime();
                        if (started >= end) {
                            break;
                        }
                        int n = call.call();
                        long took = System.nanoTime() - started;
                        if (started >= warmUpEnd) {
                            latencies.add(took);
                            rows[0] = n;
                        }
                    }
                    return latencies.stream().mapToLong(Long::longValue).toArray();
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> future : futures) {
                all.add(future.get());
            }
            long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            if (latencies.length == 0) {
                return new Result(Double.NaN, Double.NaN, 0, rows[0]);
            }
            return new Result(latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
                    latencies.length / (double) seconds, rows[0]);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A blocking GET on the calling thread over a kept-alive connection, as the SQL side is a blocking JDBC call: the
     * figures then measure the service, not an asynchronous client's thread hand-offs (java.net.http.HttpClient added
     * 1-3 ms per request at p50 here, measured on the same service at the same moment).
     */
    static String get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        int status = connection.getResponseCode();
        try (InputStream body = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (body != null) {
                body.transferTo(bytes);
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IllegalStateException(status + " " + text);
            }
            return text;
        }
    }

    /** Up to 15 minutes: on a kept database the service first runs new migrations (V9 rebuilds the GIN index). */
    private static void awaitUp(String url, Process service, Path dir) throws Exception {
        long start = System.nanoTime();
        // A migration over a loaded database (V10 took ~8 min on the idle machine at 1M works) runs before the service
        // answers; -Dcatalog.bench.start-minutes allows more on a busy machine.
        long minutes = Long.getLong("catalog.bench.start-minutes", 30);
        long deadline = start + Duration.ofMinutes(minutes).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited; see " + dir.resolve("service.log"));
            }
            try {
                get(url);
                System.out.printf("  service up after %.1f s (migrations included)%n", (System.nanoTime() - start) / 1e9);
                return;
            } catch (IOException | IllegalStateException e) {
                // not listening yet, or not ready
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not answer within " + minutes + " minutes (more with"
                + " -Dcatalog.bench.start-minutes=N); see " + dir.resolve("service.log"));
    }
}
