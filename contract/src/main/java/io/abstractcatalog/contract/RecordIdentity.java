package io.abstractcatalog.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one record identity function. A record id depends only on (bucket, key, content hash, ordinal), so ingesting
 * the same bytes twice yields the same ids and every later step can be idempotent.
 */
public final class RecordIdentity {

    private RecordIdentity() {
    }

    public static String recordId(String bucket, String key, String contentHash, int ordinal) {
        return "r-" + sha256Hex(bucket + '\u0000' + key + '\u0000' + contentHash + '\u0000' + ordinal).substring(0, 24);
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
