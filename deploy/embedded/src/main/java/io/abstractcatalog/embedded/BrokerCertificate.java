package io.abstractcatalog.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed TLS certificate for a test broker on localhost, made with the running JDK's {@code keytool}: the key
 * store the broker presents (PKCS12) and the certificate in PEM, which clients trust as their CA
 * ({@code ssl.truststore.type=PEM}). Valid for a week; made anew for every broker.
 */
final class BrokerCertificate {

    /** Guards a throw-away key of a test broker; not a secret. */
    static final String PASSWORD = "embedded-broker";

    private BrokerCertificate() {
    }

    static Path keyStore(Path dir) {
        return dir.resolve("broker.p12");
    }

    static Path certificate(Path dir) {
        return dir.resolve("ca.crt");
    }

    /** Creates {@link #keyStore} and {@link #certificate} in the given directory. */
    static void create(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(keyStore(dir));
            Files.deleteIfExists(certificate(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        keytool(dir, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "7",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keyStore(dir).toString(), "-storepass", PASSWORD);
        keytool(dir, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keyStore(dir).toString(),
                "-storepass", PASSWORD, "-file", certificate(dir).toString());
    }

    private static void keytool(Path dir, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Path log = dir.resolve("keytool.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + arguments[0] + " failed:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool from " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the broker's certificate", e);
        }
    }
}
