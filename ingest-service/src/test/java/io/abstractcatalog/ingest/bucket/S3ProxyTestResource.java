package io.abstractcatalog.ingest.bucket;

import io.abstractcatalog.embedded.TestDirectories;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts S3Proxy with one bucket and points the service at it ({@code ingest.bucket.type=s3}). */
public class S3ProxyTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "abstracts";

    private S3ProxyServer server;

    @Override
    public Map<String, String> start() {
        server = S3ProxyServer.start(TestDirectories.fresh("s3proxy-quarkus"));
        server.createBucket(BUCKET);
        return Map.of(
                "ingest.bucket.type", "s3",
                "ingest.bucket.name", "s3-e2e",
                "ingest.s3.bucket", BUCKET,
                "ingest.s3.prefix", "incoming/",
                "ingest.s3.endpoint", server.endpoint(),
                "ingest.s3.access-key", S3ProxyServer.ACCESS_KEY,
                "ingest.s3.secret-key", S3ProxyServer.SECRET_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
