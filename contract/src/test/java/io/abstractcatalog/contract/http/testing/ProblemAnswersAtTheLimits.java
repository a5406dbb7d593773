package io.abstractcatalog.contract.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.http.HttpLimits;
import io.abstractcatalog.contract.http.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every service answers at the HTTP limits, one row a status: each answer is an {@code application/problem+json}
 * of the one dialect, including those Vert.x would otherwise answer with an empty body (414, 431) and a chunked body
 * that grows past the limit. Each request goes over a raw socket, as sent, so that no client trims or refuses it.
 * A service's test extends this class and is a {@code @QuarkusTest}; it names a path that answers GET with JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProblemAnswersAtTheLimits {

    @Inject
    HttpLimits limits;

    /** A path the service answers GET on, with JSON, without query parameters. */
    protected abstract String jsonPath();

    /** The port the service under test listens on. */
    protected abstract int port();

    /** A request, written as a client would, to the service's socket. */
    @FunctionalInterface
    protected interface Exchange {
        void send(OutputStream out) throws IOException;
    }

    Stream<Arguments> limitRequests() {
        long maxBody = maxBodySize();
        String overUri = jsonPath() + "?x=" + "a".repeat(limits.maxUriLength() - jsonPath().length());
        String overVertxDefault = jsonPath() + "?x=" + "a".repeat(100_000); // Vert.x alone answered an empty 414 here
        String json = "Content-Type: application/json\r\n";
        String atMostUri = "at most " + limits.maxUriLength();
        String atMostHeaders = "at most " + limits.maxHeaderSize().asLongValue();
        String atMostBody = "at most " + maxBody;
        return Stream.of(
                row("URI one character over the limit", 414, "uri-too-long", atMostUri + " (", jsonPath(),
                        head("GET " + overUri, "")),
                row("request line of 100 000 characters", 414, "uri-too-long", atMostUri + " (", jsonPath(),
                        head("GET " + overVertxDefault, "")),
                row("one header over the header limit", 431, "headers-too-large", atMostHeaders, jsonPath(),
                        head("GET " + jsonPath(), "X-Filler: "
                                + "a".repeat((int) limits.maxHeaderSize().asLongValue()) + "\r\n")),
                row("many small headers over the header limit", 431, "headers-too-large", atMostHeaders, jsonPath(),
                        head("GET " + jsonPath(), ("X-Filler: " + "a".repeat(90) + "\r\n").repeat(
                                (int) limits.maxHeaderSize().asLongValue() / 90 + 1))),
                row("declared body over the body limit", 413, "content-too-large", atMostBody, JsonBodyResource.PATH,
                        head("POST " + JsonBodyResource.PATH, json + "Content-Length: " + (maxBody + 1) + "\r\n")),
                row("chunked body that grows over the body limit", 413, "content-too-large", atMostBody,
                        JsonBodyResource.PATH, chunked(JsonBodyResource.PATH, maxBody + 64 * 1024)),
                row("body of a type the endpoint does not take", 415, "unsupported-media-type", "Content-Type",
                        JsonBodyResource.PATH,
                        out -> {
                            head("POST " + JsonBodyResource.PATH,
                                    "Content-Type: application/xml\r\nContent-Length: 4\r\n").send(out);
                            out.write("<x/>".getBytes(StandardCharsets.US_ASCII));
                        }),
                row("Accept the endpoint cannot answer", 406, "not-acceptable", "Accept", jsonPath(),
                        head("GET " + jsonPath(), "Accept: application/xml\r\n")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("limitRequests")
    void everyLimitIsAnsweredWithAProblem(String request, int status, String kind, String detail, String instance,
            Exchange exchange)
            throws Exception {
        String answer = exchange(exchange);
        assertThat(answer).as(request).startsWith("HTTP/1.1 " + status + " ");
        String headers = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(headers).contains("content-type: " + Problem.MEDIA_TYPE);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body).contains("\"type\":\"urn:abstract-catalog:problem:" + kind + "\"")
                .contains("\"status\":" + status).contains(detail)
                .contains("\"instance\":\"" + instance + "\"");
    }

    private long maxBodySize() {
        return ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .asLongValue();
    }

    private static Arguments row(String request, int status, String kind, String detail, String instance,
            Exchange exchange) {
        return Arguments.of(request, status, kind, detail, instance, exchange);
    }

    /** A request head; the connection closes after the answer. */
    private static Exchange head(String requestLine, String headers) {
        return out -> out.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers
                + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A JSON body sent in chunks of 8 KiB, up to {@code total} bytes or until the server stops reading. */
    private static Exchange chunked(String path, long total) {
        return out -> {
            head("POST " + path, "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n").send(out);
            byte[] chunk = (Integer.toHexString(8192) + "\r\n" + " ".repeat(8192) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (long sent = 0; sent < total; sent += 8192) {
                out.write(chunk);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        };
    }

    /** A request written by hand (a length it does not mean to send, say); the answer as text. */
    protected String exchange(String request) throws Exception {
        return exchange(out -> out.write(request.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /**
     * Sends the request while reading the answer (a server may answer and close before the client is done
     * sending); the answer as text, read until the server closes the connection.
     */
    protected String exchange(Exchange exchange) throws Exception {
        try (Socket socket = new Socket("localhost", port())) {
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> {
                ByteArrayOutputStream read = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        read.write(buffer, 0, n);
                    }
                } catch (IOException e) {
                    // a reset after the answer: keep what was read
                }
                return read.toByteArray();
            });
            try {
                OutputStream out = socket.getOutputStream();
                exchange.send(out);
                out.flush();
            } catch (IOException e) {
                // the server answered and closed before the whole request was sent
            }
            return new String(answer.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        }
    }
}
