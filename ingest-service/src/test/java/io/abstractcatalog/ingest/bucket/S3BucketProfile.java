package io.abstractcatalog.ingest.bucket;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service on an S3-compatible bucket (S3Proxy) instead of the test folder. */
public class S3BucketProfile implements QuarkusTestProfile {

    /** The largest sample (347 KB) is uploaded through the API. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ingest.upload.max-size", "1M");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyTestResource.class));
    }
}
