package io.abstractcatalog.contract.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The request limits every service answers with a problem ({@link RequestLimits}). The body limit is Quarkus's own
 * {@code quarkus.http.limits.max-body-size}, enforced by {@link RequestLimits} on declared and chunked bodies alike.
 */
@ConfigMapping(prefix = "http")
public interface HttpLimits {

    /** Longest request URI (path and query) served, in characters; a longer one is a 414 problem. */
    @WithDefault("20000")
    int maxUriLength();

    /** Largest header block (every header line: name, value and 4 bytes of separators); a larger one is a 431 problem. */
    @WithDefault("8K")
    MemorySize maxHeaderSize();
}
