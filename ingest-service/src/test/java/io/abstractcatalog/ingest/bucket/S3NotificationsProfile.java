package io.abstractcatalog.ingest.bucket;

import java.util.HashMap;
import java.util.Map;

/**
 * The service on S3Proxy with the store's bucket notifications read from a Kafka topic, and a periodic scan too rare
 * to find anything during a test: what is ingested after start was found through a notification.
 */
public class S3NotificationsProfile extends S3BucketProfile {

    public static final String TOPIC = "bucket.events";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("ingest.s3.notifications.topic", TOPIC);
        overrides.put("ingest.scan.interval", "1h");
        return overrides;
    }
}
