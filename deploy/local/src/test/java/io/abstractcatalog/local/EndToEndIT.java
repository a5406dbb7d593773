package io.abstractcatalog.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.abstractcatalog.contract.EventJson;
import io.abstractcatalog.embedded.PostgresServer;
import io.abstractcatalog.embedded.TestDirectories;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The user's journey on the real stack (Kafka, PostgreSQL, three service JVMs): drop the sample files into the
 * bucket, then ask the catalog. The tests run in order on one stack, each building on the previous state.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final Path SAMPLES = StackSettings.findProjectRoot().resolve("deploy/local/samples");
    private static final String TOKYO = "The University of Tokyo";
    private static final Duration QUERYABLE_WITHIN = Duration.ofSeconds(90);

    private static LocalStack stack;
    private static CatalogClient catalog;
    private static Path bucket;

    @BeforeAll
    static void startStack() {
        // With a read replica, as in a cluster: every answer below that is not a lookup by id comes from the replica.
        StackSettings settings = StackSettings.forTest(StackSettings.findProjectRoot(), TestDirectories.fresh("e2e"))
                .withReadReplica();
        stack = LocalStack.start(settings, System.out);
        catalog = new CatalogClient(stack.catalog().url());
        bucket = settings.bucket();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void droppedSampleFilesBecome302WorksFrom307Records() throws IOException {
        long dropped = System.nanoTime();
        for (Path sample : samples()) {
            Files.copy(sample, bucket.resolve(sample.getFileName()));
        }

        awaitStats(307, 302);
        System.out.printf("e2e     | samples queryable %.1f s after the drop%n", (System.nanoTime() - dropped) / 1e9);

        JsonNode stats = catalog.get("/stats");
        assertThat(stats.get("worksWithDuplicates").asInt()).isEqualTo(5);
        assertThat(stats.get("files").asInt()).isEqualTo(5);
    }

    @Test
    @Order(2)
    void eachAbstractSeenInTwoFilesIsOneWorkWithBothSourcesAndTheAffiliation() {
        List<JsonNode> tokyo = catalog.allWorks("affiliation=" + CatalogClient.encode(TOKYO));
        List<JsonNode> shared = tokyo.stream().filter(w -> w.get("memberCount").asInt() == 2).toList();

        assertThat(tokyo).hasSize(15); // 10 + 10 records in 000 and 001, five of them shared
        assertThat(shared).hasSize(5);
        for (JsonNode work : shared) {
            assertThat(texts(work.get("affiliations"))).containsExactly(TOKYO);
            JsonNode sources = catalog.get("/works/" + work.get("workId").asText() + "/sources").get("results");
            assertThat(sources).hasSize(2);
            assertThat(Set.of(sources.get(0).get("key").asText().substring(0, 3), sources.get(1).get("key").asText().substring(0, 3)))
                    .containsExactlyInAnyOrder("000", "001");
            // why: the one pair the matcher accepted, the same abstract in both files
            JsonNode matches = catalog.get("/works/" + work.get("workId").asText() + "/matches");
            assertThat(matches.get("meta").get("count").asInt()).isEqualTo(1);
            assertThat(matches.get("recorded").asBoolean()).isTrue();
            JsonNode pair = matches.get("results").get(0);
            assertThat(pair.get("rule").asText()).isEqualTo("SAME_FINGERPRINT");
            assertThat(pair.get("reason").asText()).startsWith("The abstracts are the same text");
            assertThat(pair.get("evidence").get("abstractJaccard").asDouble()).isEqualTo(1.0);
            assertThat(pair.get("evidence").get("containment").asDouble()).isEqualTo(1.0);
            assertThat(pair.get("evidence").get("sameOpening").asBoolean()).isTrue();
            assertThat(pair.get("matcherVersion").asInt()).isEqualTo(2);
            assertThat(pair.get("recordA").asText()).isLessThan(pair.get("recordB").asText());
            assertThat(Set.of(pair.get("sourceA").get("key").asText().substring(0, 3), pair.get("sourceB").get("key").asText().substring(0, 3)))
                    .containsExactlyInAnyOrder("000", "001");
            assertThat(Set.of(pair.get("recordA").asText(), pair.get("recordB").asText()))
                    .containsExactlyInAnyOrder(sources.get(0).get("recordId").asText(), sources.get(1).get("recordId").asText());
        }
    }

    @Test
    @Order(3)
    void fullTextSearchFindsTheSumProductNetworksPaper() {
        JsonNode first = catalog.get("/works?q=" + CatalogClient.encode("sum-product networks")).get("results").get(0);

        assertThat(first.get("abstractText").asText()).startsWith("Sum-product networks (SPNs) are probabilistic models");
        assertThat(texts(first.get("affiliations"))).containsExactly(TOKYO);
    }

    @Test
    @Order(4)
    void everyWorkFromTheTrendingPageHasItsTitleAndNoPageFurniture() {
        List<JsonNode> all = catalog.allWorks("");
        List<JsonNode> titled = all.stream().filter(w -> w.hasNonNull("title")).toList();

        assertThat(all).hasSize(302);
        assertThat(titled).hasSize(267);
        assertThat(titled).allSatisfy(w -> assertThat(w.get("title").asText())
                .isNotBlank().doesNotStartWith("Subscribe").doesNotContain("Get trending papers"));
        assertThat(titled).extracting(w -> w.get("title").asText())
                .contains("Meta-Learning Update Rules for Unsupervised Representation Learning",
                        "SOInter: A Novel Deep Energy Based Interpretation Method for Explaining Structured Output Models");
        // the works without a title are exactly those from the affiliation pages: 40 records, 5 shared
        assertThat(all.size() - titled.size()).isEqualTo(35);
    }

    @Test
    @Order(5)
    void droppingTheSameFilesAgainChangesNothing() throws IOException {
        for (Path sample : samples()) {
            Path copy = bucket.resolve(sample.getFileName());
            Files.copy(sample, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(copy, FileTime.from(Instant.now()));
        }
        // A new file sorts after the samples: once it is in the catalog, the re-dropped samples were seen too.
        Files.writeString(bucket.resolve("900_sentinel.txt"), """
                Sentinel Institute
                Abstract:A sentinel abstract that proves the scan passed the re-dropped samples.
                Abstract:A second sentinel abstract, also new to the catalog.
                """);

        awaitStats(309, 304);
        assertThat(RawTopicReader.committedRecordIds(stack.kafkaBootstrapServers())).hasSize(309).doesNotHaveDuplicates();
    }

    @Test
    @Order(6)
    void ingestKilledInsideAnOpenTransactionLosesNoRecordAndDuplicatesNone() throws Exception {
        int crashRecords = 20_000; // about two seconds of publishing: a wide window to kill it in
        StringBuilder big = new StringBuilder("Crash Test Laboratory\n");
        for (int i = 0; i < crashRecords; i++) {
            big.append("Abstract:Crash test abstract number ").append(i).append(" about fault tolerance.\n");
        }
        Files.writeString(bucket.resolve("950_crash.txt.part"), big);
        Files.move(bucket.resolve("950_crash.txt.part"), bucket.resolve("950_crash.txt"), StandardCopyOption.ATOMIC_MOVE);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> RawTopicReader.transactionOpen(admin));
            stack.ingest().kill(); // SIGKILL while the file's transaction is open
            assertThat(RawTopicReader.transactionOpen(admin)).as("the killed transaction is still open").isTrue();
        }
        stack.ingest().start(Duration.ofSeconds(120));

        int records = 309 + crashRecords;
        awaitStats(records, 304 + crashRecords);
        List<String> ids = RawTopicReader.committedRecordIds(stack.kafkaBootstrapServers());
        assertThat(ids).hasSize(records);
        assertThat(new HashSet<>(ids)).hasSize(records);
    }

    @Test
    @Order(7)
    void theUploadCommandTheRunPrintsStoresAFileThatIsIngested() throws Exception {
        String banner = LocalStackMain.banner(stack.settings(), stack);
        Matcher upload = Pattern.compile("curl -X PUT -H 'X-Api-Key: ([^']+)' --data-binary @FILE (\\S+)/files/NAME")
                .matcher(banner);
        assertThat(upload.find()).as("the banner shows the upload command:%n%s", banner).isTrue();
        String key = upload.group(1);
        String files = upload.group(2) + "/files/";
        byte[] content = """
                Upload Institute
                Abstract:An abstract uploaded over HTTP with the key the local run printed.
                """.getBytes(StandardCharsets.UTF_8);

        // What that curl command sends: PUT, the key, the file's bytes as they are, curl's default content type.
        HttpResponse<String> stored = put(files + "960_uploaded.txt", key, content);
        HttpResponse<String> keyless = put(files + "961_keyless.txt", null, content);

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(EventJson.MAPPER.readTree(stored.body()).get("key").asText()).isEqualTo("960_uploaded.txt");
        assertThat(keyless.statusCode()).isEqualTo(401);
        assertThat(keyless.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(EventJson.MAPPER.readTree(keyless.body()).get("type").asText())
                .isEqualTo("urn:abstract-catalog:problem:unauthorized");
        awaitStats(309 + 20_000 + 1, 304 + 20_000 + 1);
        assertThat(new CatalogClient(stack.ingest().url()).get("/files/960_uploaded.txt").get("status").asText())
                .isEqualTo("DONE");
        assertThat(bucket.resolve("961_keyless.txt")).doesNotExist();
    }

    @Test
    @Order(8)
    void theCatalogReadsFromAStreamingReplicaThatHoldsEveryWork() throws Exception {
        String replica = stack.readReplica().jdbcUrl();
        assertThat(LocalStackMain.banner(stack.settings(), stack)).contains("(reads: " + replica + ")");
        assertThat(sql(stack.postgres().jdbcUrl(), "SELECT state FROM pg_stat_replication")).isEqualTo("streaming");
        assertThat(sql(replica, "SELECT pg_is_in_recovery()::text")).isEqualTo("true");
        int works = catalog.get("/stats").get("works").asInt();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(sql(replica, "SELECT count(*) FROM work")).isEqualTo(Integer.toString(works)));
        // The catalog's read pool holds connections to the replica (the search above went through it).
        assertThat(Integer.parseInt(sql(replica, "SELECT count(*) FROM pg_stat_activity WHERE datname = 'catalog' "
                + "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"))).isPositive();
    }

    private static String sql(String url, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             ResultSet row = connection.createStatement().executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static HttpResponse<String> put(String url, String apiKey, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitStats(int records, int works) {
        await().atMost(QUERYABLE_WITHIN).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode stats = catalog.get("/stats");
            assertThat(stats.get("records").asInt()).isEqualTo(records);
            assertThat(stats.get("works").asInt()).isEqualTo(works);
        });
    }

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
