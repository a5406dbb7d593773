package io.abstractcatalog.contract.http;

import jakarta.inject.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the body an endpoint reads against {@code quarkus.http.limits.max-body-size} and refuses it with a 413
 * problem once past it. A declared length over the limit never gets here ({@link RequestLimits} refuses it); this is
 * for a chunked body, whose size is known only while it arrives (Quarkus's own check would answer an empty 413).
 */
@jakarta.ws.rs.ext.Provider
public class BodyLimit implements ReaderInterceptor {

    /** Looked up per read: Quarkus REST creates its providers before the runtime configuration is there. */
    private final Provider<RequestLimits> limits;

    BodyLimit(Provider<RequestLimits> limits) {
        this.limits = limits;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counted(context.getInputStream(), limits.get().maxBodySize()));
        return context.proceed();
    }

    private static final class Counted extends FilterInputStream {

        private final long limit;
        private long read;

        Counted(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new ProblemException(ProblemType.CONTENT_TOO_LARGE, "The body is more than " + limit
                        + " bytes; this service takes at most " + limit + " (quarkus.http.limits.max-body-size).");
            }
        }
    }
}
