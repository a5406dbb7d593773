package io.abstractcatalog.ingest.bucket;

/** S3 event messages as MinIO's Kafka target publishes them (the shape MinIO documents), trimmed to what matters. */
public final class MinioEvent {

    private MinioEvent() {
    }

    /** One event about one object; the key URL-encoded, as in real events. */
    public static String json(String eventName, String bucket, String encodedKey) {
        return """
                {"EventName":"%1$s","Key":"%2$s/%3$s","Records":[{"eventVersion":"2.0","eventSource":"minio:s3",
                "awsRegion":"","eventTime":"2026-11-30T11:00:00.000Z","eventName":"%1$s",
                "s3":{"s3SchemaVersion":"1.0","configurationId":"Config","bucket":{"name":"%2$s","arn":"arn:aws:s3:::%2$s"},
                "object":{"key":"%3$s","size":1834,"eTag":"9f2c","contentType":"text/plain","sequencer":"1"}}}]}
                """.formatted(eventName, bucket, encodedKey);
    }
}
