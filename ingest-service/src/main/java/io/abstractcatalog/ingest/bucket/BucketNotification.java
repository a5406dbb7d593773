package io.abstractcatalog.ingest.bucket;

import com.fasterxml.jackson.databind.JsonNode;
import io.abstractcatalog.contract.EventJson;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One message of an S3 store's bucket notifications, in the S3 event format that MinIO's Kafka target (and AWS S3,
 * Ceph RGW) publish: {@code {"EventName": "s3:ObjectCreated:Put", "Records": [{"eventName": ..., "s3": {"bucket":
 * {"name": ...}, "object": {"key": <URL-encoded>}}}]}}. Only whether it announces a new object under our prefix
 * matters: the scan it triggers lists the bucket and lets the ledger decide what is new.
 */
record BucketNotification(List<Created> created) {

    /** An object that was created (put, copied, completed upload) in a bucket. */
    record Created(String bucket, String key) {
    }

    /** The objects a message announces as created; none for removals, other events and messages that are no S3 event. */
    static BucketNotification parse(byte[] message) {
        List<Created> created = new ArrayList<>();
        JsonNode root;
        try {
            root = message == null ? null : EventJson.MAPPER.readTree(message);
        } catch (IOException e) {
            return new BucketNotification(List.of());
        }
        if (root == null) {
            return new BucketNotification(List.of());
        }
        for (JsonNode record : root.path("Records")) {
            String event = record.path("eventName").asText("");
            String bucket = record.path("s3").path("bucket").path("name").asText("");
            String key = record.path("s3").path("object").path("key").asText("");
            // S3 event keys are URL-encoded ('+' for a space), as AWS documents and MinIO does.
            if (event.contains("ObjectCreated") && !bucket.isEmpty() && !key.isEmpty()) {
                created.add(new Created(bucket, URLDecoder.decode(key, StandardCharsets.UTF_8)));
            }
        }
        return new BucketNotification(List.copyOf(created));
    }

    /** Whether an object was created in this bucket under this prefix (folder markers aside). */
    boolean announcesFileIn(String bucket, String prefix) {
        return created.stream().anyMatch(object -> object.bucket().equals(bucket)
                && object.key().startsWith(prefix) && !object.key().endsWith("/"));
    }
}
