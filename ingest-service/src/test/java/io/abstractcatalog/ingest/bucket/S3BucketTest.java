package io.abstractcatalog.ingest.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.abstractcatalog.embedded.TestDirectories;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** {@link S3Bucket} against a real S3-compatible server (S3Proxy in this JVM), not a mocked client. */
class S3BucketTest {

    private static S3ProxyServer server;
    private static S3Client client;

    @BeforeAll
    static void startServer() {
        server = S3ProxyServer.start(TestDirectories.fresh("s3proxy-bucket-test"));
        client = server.client();
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @Test
    void listsObjectsUnderThePrefixInKeyOrderWithKeysRelativeToIt() throws IOException {
        server.createBucket("listing");
        put("listing", "incoming/b.txt", "bee");
        put("listing", "incoming/2024/a.txt", "a");
        put("listing", "incoming/folder/", ""); // a console's "folder" marker
        put("listing", "elsewhere/c.txt", "c");
        put("listing", "incoming-old/d.txt", "d");

        S3Bucket bucket = new S3Bucket("listing", client, "listing", "incoming", server.endpoint());

        List<BucketObject> objects = bucket.list();
        assertThat(objects).extracting(BucketObject::key).containsExactly("2024/a.txt", "b.txt");
        assertThat(objects.get(1).size()).isEqualTo(3);
        assertThat(objects.get(1).etag()).isNotBlank().doesNotContain("\"");
        assertThat(objects.get(1).lastModified()).isNotNull();
        try (InputStream in = bucket.open("b.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("bee");
        }
        assertThat(bucket.stat("b.txt")).get().extracting(BucketObject::size).isEqualTo(3L);
        assertThat(bucket.stat("missing.txt")).isEmpty();
        assertThatThrownBy(() -> bucket.open("missing.txt")).isInstanceOf(NoSuchFileException.class);
        assertThat(bucket.objectsAppearWhole()).isTrue();
        assertThat(bucket.location()).isEqualTo("s3://listing/incoming/ at " + server.endpoint());

        // The whole bucket when there is no prefix.
        assertThat(new S3Bucket("listing", client, "listing", "", server.endpoint()).list()).extracting(BucketObject::key)
                .containsExactly("elsewhere/c.txt", "incoming-old/d.txt", "incoming/2024/a.txt", "incoming/b.txt");
    }

    @Test
    void putStoresAWholeFileUnderThePrefix() throws IOException {
        server.createBucket("uploads");
        S3Bucket bucket = new S3Bucket("uploads", client, "uploads", "in/", server.endpoint());
        Path file = Files.writeString(TestDirectories.fresh("s3-put").resolve("page.txt"), "MIT\nAbstract:One.\n");

        bucket.put("sub/page.txt", file);

        assertThat(client.headObject(r -> r.bucket("uploads").key("in/sub/page.txt")).contentLength()).isEqualTo(18);
        assertThat(bucket.list()).extracting(BucketObject::key).containsExactly("sub/page.txt");
    }

    @Test
    void probeIsAHeadBucketThatSaysWhatIsWrong() throws IOException {
        server.createBucket("probed");
        new S3Bucket("probed", client, "probed", "", server.endpoint()).probe();

        assertThatThrownBy(() -> new S3Bucket("x", client, "no-such-bucket", "", server.endpoint()).probe())
                .isInstanceOf(IOException.class).hasMessageContaining("404").hasMessageContaining("no such bucket");
        S3Bucket unreachable = new S3Bucket("x", S3ProxyServer.clientFor("http://127.0.0.1:9"), "probed", "", "http://127.0.0.1:9");
        assertThatThrownBy(unreachable::probe).isInstanceOf(IOException.class).hasMessageContaining("not reachable");
        assertThatThrownBy(unreachable::list).isInstanceOf(IOException.class).hasMessageContaining("cannot list");
    }

    @Test
    void prefixesAreNormalisedToFolders() {
        assertThat(S3Bucket.normalizePrefix(null)).isEmpty();
        assertThat(S3Bucket.normalizePrefix("")).isEmpty();
        assertThat(S3Bucket.normalizePrefix("/")).isEmpty();
        assertThat(S3Bucket.normalizePrefix("incoming")).isEqualTo("incoming/");
        assertThat(S3Bucket.normalizePrefix("/incoming/2024/")).isEqualTo("incoming/2024/");
    }

    private static void put(String bucket, String key, String content) {
        client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(content));
    }
}
