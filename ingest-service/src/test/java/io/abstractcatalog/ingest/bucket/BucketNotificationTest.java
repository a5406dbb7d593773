package io.abstractcatalog.ingest.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BucketNotificationTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            s3:ObjectCreated:Put                     | abstracts | incoming%2Frefs.bib          | true
            s3:ObjectCreated:CompleteMultipartUpload | abstracts | incoming%2F2024%2Fbig.jsonl  | true
            s3:ObjectCreated:Copy                    | abstracts | incoming%2Fpage+one.txt      | true
            s3:ObjectCreated:Put                     | other     | incoming%2Frefs.bib          | false
            s3:ObjectCreated:Put                     | abstracts | outgoing%2Frefs.bib          | false
            s3:ObjectCreated:Put                     | abstracts | incoming%2F                  | false
            s3:ObjectCreated:Put                     | abstracts | incomingrefs.bib             | false
            s3:ObjectRemoved:Delete                  | abstracts | incoming%2Frefs.bib          | false
            s3:ObjectAccessed:Get                    | abstracts | incoming%2Frefs.bib          | false
            """)
    void aNotificationAnnouncesAFileOnlyForAnObjectCreatedUnderOurPrefix(String event, String bucket, String key,
                                                                         boolean announces) {
        BucketNotification notification = BucketNotification.parse(bytes(MinioEvent.json(event, bucket, key)));

        assertThat(notification.announcesFileIn("abstracts", "incoming/")).isEqualTo(announces);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            incoming%2Fpage+one.txt          | incoming/page one.txt
            incoming%2F%C3%A9t%C3%A9.txt     | incoming/été.txt
            incoming%2Fa%2Bb.txt             | incoming/a+b.txt
            """)
    void keysAreUrlDecodedAsS3EventsEncodeThem(String encoded, String key) {
        assertThat(BucketNotification.parse(bytes(MinioEvent.json("s3:ObjectCreated:Put", "abstracts", encoded))).created())
                .containsExactly(new BucketNotification.Created("abstracts", key));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json at all
            {"Records":"not a list"}
            {"EventName":"s3:ObjectCreated:Put"}
            []
            null
            """)
    void aMessageThatIsNoS3EventAnnouncesNothing(String message) {
        assertThat(BucketNotification.parse(bytes(message)).announcesFileIn("abstracts", "")).isFalse();
    }

    @ParameterizedTest(name = "empty prefix: {0}")
    @CsvSource(textBlock = """
            refs.bib
            2024%2Frefs.bib
            """)
    void withoutAPrefixEveryObjectOfTheBucketCounts(String key) {
        assertThat(BucketNotification.parse(bytes(MinioEvent.json("s3:ObjectCreated:Put", "abstracts", key)))
                .announcesFileIn("abstracts", "")).isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
