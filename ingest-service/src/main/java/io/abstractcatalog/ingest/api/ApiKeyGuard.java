package io.abstractcatalog.ingest.api;

import io.abstractcatalog.contract.http.ProblemException;
import io.abstractcatalog.contract.http.ProblemType;
import io.abstractcatalog.ingest.IngestConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards the endpoints that change the bucket (upload, retry) with the key in {@code X-Api-Key}. A configured
 * {@code ingest.api-key} is always required. Without one, {@code ingest.upload.require-api-key} decides: true (the
 * default, so production) disables those endpoints; false ({@code %dev}, {@code %test}) leaves them open.
 */
@Singleton
public class ApiKeyGuard {

    public static final String HEADER = "X-Api-Key";

    private final Optional<String> apiKey;
    private final boolean required;

    @Inject
    public ApiKeyGuard(IngestConfig config) {
        this(config.apiKey(), config.upload().requireApiKey());
    }

    ApiKeyGuard(Optional<String> apiKey, boolean required) {
        this.apiKey = apiKey.filter(key -> !key.isBlank());
        this.required = required;
    }

    /** Lets the request through or throws a 401 / 403 problem. */
    public void check(String presented, String action) {
        if (apiKey.isEmpty()) {
            if (required) {
                throw new ProblemException(ProblemType.FORBIDDEN, action + " is disabled: no API key is configured, and this "
                        + "profile requires one (set ingest.api-key, then send it in the " + HEADER + " header)");
            }
            return;
        }
        if (presented == null || presented.isEmpty()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, action + " needs an API key in the " + HEADER + " header");
        }
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), apiKey.get().getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the API key in the " + HEADER + " header is not the right one");
        }
    }
}
