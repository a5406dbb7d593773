package io.abstractcatalog.ingest.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.abstractcatalog.contract.RecordIdentity;
import io.abstractcatalog.embedded.TestDirectories;
import io.abstractcatalog.ingest.scan.BucketScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalFolderBucketTest {

    private final Path root = TestDirectories.fresh("bucket-test");
    private final LocalFolderBucket bucket = new LocalFolderBucket("local", root, Duration.ofMillis(100));

    @Test
    void listsFilesInKeyOrderWithSlashKeysSizesAndTimes() throws IOException {
        write("b.txt", "bb");
        write("a/2024/x.txt", "x");
        write("a.txt", "aaa");
        Instant time = Instant.parse("2024-03-01T10:00:00Z");
        Files.setLastModifiedTime(root.resolve("a.txt"), FileTime.from(time));

        assertThat(bucket.list()).extracting(BucketObject::key).containsExactly("a.txt", "a/2024/x.txt", "b.txt");
        assertThat(bucket.list()).extracting(BucketObject::size).containsExactly(3L, 1L, 2L);
        assertThat(bucket.list().get(0).lastModified()).isEqualTo(time);
    }

    @Test
    void hiddenFoldersAreNotWalked() throws IOException {
        write(".git/objects/blob", "x");
        write("page.txt", "x");

        assertThat(bucket.list()).extracting(BucketObject::key).containsExactly("page.txt");
    }

    @Test
    void opensObjectsByKey() throws IOException {
        write("sub/page.txt", "hello");

        try (InputStream in = bucket.open("sub/page.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void keysCannotLeaveTheFolder() {
        assertThatThrownBy(() -> bucket.open("../outside.txt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bucket.open("a/../../outside.txt")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingFolderIsCreatedAndProbesFine() throws IOException {
        Path missing = root.resolve("new/bucket");

        LocalFolderBucket created = LocalFolderBucket.createIfMissing("local", missing, Duration.ofMillis(100));

        assertThat(missing).isDirectory();
        created.probe();
    }

    @Test
    void probeOfAMissingFolderSaysSo() {
        var gone = new LocalFolderBucket("local", root.resolve("nowhere"), Duration.ofMillis(100));

        assertThatThrownBy(gone::probe).hasMessageContaining("does not exist");
    }

    @Test
    void watchCallsBackOnceANewFileHasSettled() throws Exception {
        CountDownLatch changed = new CountDownLatch(1);
        try (Bucket.Watch watch = bucket.watch(changed::countDown)) {
            write("later/dropped.txt", "Abstract:x");

            assertThat(changed.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void hashingStreamGivesTheSha256OfTheBytes() throws IOException {
        byte[] bytes = "Abstract:x\n".getBytes(StandardCharsets.UTF_8);

        HashingInputStream hashing = HashingInputStream.readFully(new java.io.ByteArrayInputStream(bytes));

        assertThat(hashing.hexDigest()).isEqualTo(HexFormat.of().formatHex(RecordIdentity.sha256().digest(bytes)));
        assertThat(hashing.count()).isEqualTo(bytes.length);
    }

    @Test
    void hiddenFilesAndUploadsInFlightAreNotDroppedFiles() {
        assertThat(BucketScanner.isIgnored(".DS_Store")).isTrue();
        assertThat(BucketScanner.isIgnored("sub/.page.txt.swp")).isTrue();
        assertThat(BucketScanner.isIgnored(".hidden/page.txt")).isTrue();
        assertThat(BucketScanner.isIgnored("page.txt.part")).isTrue();
        assertThat(BucketScanner.isIgnored("page.txt.tmp")).isTrue();
        assertThat(BucketScanner.isIgnored("page.txt")).isFalse();
        assertThat(BucketScanner.isIgnored("2024/page.partial.txt")).isFalse();
    }

    private void write(String key, String content) throws IOException {
        Path path = root.resolve(key);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
