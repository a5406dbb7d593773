package io.abstractcatalog.ingest.bucket;

import io.abstractcatalog.ingest.IngestConfig;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket (or a prefix of one) in S3-compatible storage: AWS S3, MinIO, S3Proxy... through the AWS SDK v2, with
 * path-style access and an endpoint override when configured. Keys are relative to the prefix, as a folder's keys
 * are relative to the folder, so a file keeps its key (and record ids) whichever kind of bucket it sits in.
 * <p>
 * Discovery is a full listing per scan: nothing depends on listing order, last-modified times or a high-water mark,
 * so objects sharing a timestamp, keys that sort before ones already seen and overwritten objects are all found.
 * Whether an object is new is decided by the ledger (key + SHA-256 of the bytes); the ETag is only a cache hint.
 * Reads stream the object; nothing is downloaded whole into memory.
 */
public final class S3Bucket implements Bucket, AutoCloseable {

    private final String name;
    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final String endpoint;
    private final BucketNotifications notifications;

    public S3Bucket(String name, S3Client client, String bucket, String prefix, String endpoint) {
        this(name, client, bucket, prefix, endpoint, null);
    }

    private S3Bucket(String name, S3Client client, String bucket, String prefix, String endpoint,
                     BucketNotifications notifications) {
        this.name = name;
        this.client = client;
        this.bucket = bucket;
        this.prefix = normalizePrefix(prefix);
        this.endpoint = endpoint;
        this.notifications = notifications;
    }

    /**
     * The client and bucket as {@code ingest.s3.*} describes them; watched through the store's notifications when
     * they are given.
     */
    public static S3Bucket fromConfig(String name, IngestConfig.S3Settings s3, Optional<BucketNotifications> notifications) {
        String bucket = s3.bucket().filter(b -> !b.isBlank()).orElseThrow(() -> new IllegalArgumentException(
                "ingest.bucket.type=s3 needs ingest.s3.bucket (the S3 bucket to ingest)"));
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(credentials(s3))
                // S3-compatible stores do not all know the SDK's newer default checksums: send them only when required.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        s3.endpoint().filter(e -> !e.isBlank()).map(URI::create).ifPresent(builder::endpointOverride);
        return new S3Bucket(name, builder.build(), bucket, s3.prefix().orElse(""),
                s3.endpoint().orElse("AWS " + s3.region()), notifications.orElse(null));
    }

    private static AwsCredentialsProvider credentials(IngestConfig.S3Settings s3) {
        if (s3.accessKey().isPresent() != s3.secretKey().isPresent()) {
            throw new IllegalArgumentException("set both ingest.s3.access-key and ingest.s3.secret-key, or neither "
                    + "(then the default AWS credential chain is used)");
        }
        if (s3.accessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey().get(), s3.secretKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** {@code incoming} and {@code incoming/} both mean the "folder" {@code incoming/}; blank means the whole bucket. */
    static String normalizePrefix(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.equals("/")) {
            return "";
        }
        String trimmed = prefix.startsWith("/") ? prefix.substring(1) : prefix;
        return trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix + " at " + endpoint;
    }

    @Override
    public List<BucketObject> list() throws IOException {
        List<BucketObject> objects = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
                String key = object.key().substring(prefix.length());
                if (key.isEmpty() || key.endsWith("/")) {
                    continue; // "folder" markers that consoles create hold no file
                }
                objects.add(new BucketObject(key, object.size(), object.lastModified(), unquote(object.eTag())));
            }
        } catch (SdkException e) {
            throw new IOException("cannot list " + location() + ": " + e.getMessage(), e);
        }
        objects.sort(Comparator.comparing(BucketObject::key));
        return objects;
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return new SdkErrorsAsIo(client.getObject(r -> r.bucket(bucket).key(prefix + key)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(key);
            }
            throw new IOException("cannot read " + key + " from " + location() + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot read " + key + " from " + location() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<BucketObject> stat(String key) throws IOException {
        try {
            HeadObjectResponse head = client.headObject(r -> r.bucket(bucket).key(prefix + key));
            return Optional.of(new BucketObject(key, head.contentLength(), head.lastModified(), unquote(head.eTag())));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("cannot look up " + key + " in " + location() + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot look up " + key + " in " + location() + ": " + e.getMessage(), e);
        }
    }

    /** One PUT: S3 makes the object visible only once all of it is stored. */
    @Override
    public void put(String key, Path content) throws IOException {
        try {
            client.putObject(r -> r.bucket(bucket).key(prefix + key), RequestBody.fromFile(content));
        } catch (SdkException e) {
            throw new IOException("cannot store " + key + " in " + location() + ": " + e.getMessage(), e);
        }
    }

    /** Without notifications, a no-op: new objects are found by the periodic scan's listing. */
    @Override
    public Watch watch(Runnable onChange) {
        return notifications == null ? Bucket.super.watch(onChange) : notifications.watch(bucket, prefix, onChange);
    }

    @Override
    public boolean objectsAppearWhole() {
        return true;
    }

    /** A HeadBucket: the bucket exists and these credentials may use it. */
    @Override
    public void probe() throws IOException {
        try {
            client.headBucket(r -> r.bucket(bucket));
        } catch (S3Exception e) {
            throw new IOException("bucket " + bucket + " at " + endpoint + " answered " + e.statusCode()
                    + (e.statusCode() == 404 ? " (no such bucket)" : e.statusCode() == 403 ? " (access denied)" : ""), e);
        } catch (SdkException e) {
            throw new IOException("S3 at " + endpoint + " not reachable: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static String unquote(String etag) {
        return etag == null ? null : etag.replace("\"", "");
    }

    /** The SDK may signal a broken download with an unchecked exception; the ingestion expects an IOException. */
    private static final class SdkErrorsAsIo extends FilterInputStream {

        SdkErrorsAsIo(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (SdkException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (SdkException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (SdkException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
