package io.abstractcatalog.ingest.api;

import io.abstractcatalog.contract.FileLedgerEntry;
import io.abstractcatalog.contract.FileStatus;
import io.abstractcatalog.contract.http.ListMeta;
import io.abstractcatalog.contract.http.Listing;
import io.abstractcatalog.contract.http.Problem;
import io.abstractcatalog.contract.http.ProblemException;
import io.abstractcatalog.contract.http.ProblemMappers;
import io.abstractcatalog.contract.http.ProblemType;
import io.abstractcatalog.ingest.IngestConfig;
import io.abstractcatalog.ingest.bucket.Bucket;
import io.abstractcatalog.ingest.bucket.HashingInputStream;
import io.abstractcatalog.ingest.ledger.FileLedger;
import io.abstractcatalog.ingest.metrics.IngestMetrics;
import io.abstractcatalog.ingest.scan.IngestLoop;
import io.abstractcatalog.ingest.scan.RetryRequests;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The file ledger of this service's bucket (what was ingested, what failed and why), uploads and retries. */
@Path("/files")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "files", description = "The file ledger, uploads into the bucket, retries of failed files")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = ApiKeyGuard.HEADER, description = "ingest.api-key; required in production")
public class FileResource {

    private static final Logger LOG = Logger.getLogger(FileResource.class);

    private final FileLedger ledger;
    private final Bucket bucket;
    private final ApiKeyGuard guard;
    private final IngestLoop loop;
    private final RetryRequests retries;
    private final IngestMetrics metrics;
    private final long maxUploadSize;

    public FileResource(FileLedger ledger, Bucket bucket, ApiKeyGuard guard, IngestLoop loop, RetryRequests retries,
                        IngestMetrics metrics, IngestConfig config) {
        this.ledger = ledger;
        this.bucket = bucket;
        this.guard = guard;
        this.loop = loop;
        this.retries = retries;
        this.metrics = metrics;
        this.maxUploadSize = config.upload().maxSize().orElse(config.maxFileSize()).asLongValue();
    }

    /** What an upload stored: the key it is ingested under and the SHA-256 its ledger entry will carry. */
    public record StoredFile(String bucket, String key, long size, String contentHash, String detail) {
    }

    /** A retry accepted: the file is ingested once more on the next scan. */
    public record RetryAccepted(String bucket, String key, String contentHash, String detail) {
    }

    /** The OpenAPI shape of the ledger: the list envelope, every file on one page. */
    @Schema(name = "FileList", description = "The ledger's files (the list envelope; all on one page).")
    public record FileList(ListMeta meta, List<FileLedgerEntry> results) {
    }

    @GET
    @Operation(summary = "Every file of the bucket the ledger knows, in key order, with status and counts",
            description = "The list envelope: meta (count, countKind, perPage, nextCursor) and results; every file on "
                    + "one page.")
    @APIResponse(responseCode = "200", description = "The files",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FileList.class)))
    @APIResponse(responseCode = "400", description = "A query parameter was given; this list takes none",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Listing<FileLedgerEntry> list() {
        return Listing.whole(ledger.entries(bucket.name()));
    }

    @GET
    @Path("{key: .+}")
    @Operation(summary = "One file's ledger entry with its first errors; the key may contain '/' for files in sub-folders",
            description = "firstErrors holds the first rejections ('line N: reason'); every rejection is on the "
                    + "abstracts.rejected topic, keyed by '<bucket>/<key>'.")
    @APIResponse(responseCode = "200", description = "The file's entry")
    @APIResponse(responseCode = "404", description = "The ledger does not know this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FileLedgerEntry get(@PathParam("key") String key) {
        return ledger.find(bucket.name(), key).orElseThrow(() -> new UnknownFileException(bucket.name(), key));
    }

    @PUT
    @Path("{name: .+}")
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Upload a file into the bucket; it is ingested like any dropped file",
            description = "The body is the file's bytes. The name becomes the key (sub-folders with '/'); it must be a "
                    + "relative path without '.' or '..' segments, hidden segments, control characters or "
                    + "backslashes, at most 1024 bytes. The file is written under a temporary name and committed "
                    + "whole (a rename; one PUT on S3), so a half-written upload is never ingested. An existing file "
                    + "is replaced; new bytes are ingested again.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM))
    @APIResponse(responseCode = "201", description = "Stored; ingestion follows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoredFile.class)))
    @APIResponse(responseCode = "400", description = "Unacceptable name or empty body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Wrong API key, or uploads disabled (no key configured in production)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than ingest.upload.max-size (default ingest.max-file-size)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<StoredFile> upload(@PathParam("name") String name,
                                           @HeaderParam(ApiKeyGuard.HEADER) String apiKey,
                                           @HeaderParam("Content-Length") Long contentLength,
                                           InputStream body) throws IOException {
        guard.check(apiKey, "uploading");
        String key = FileNames.validate(name);
        if (contentLength != null && contentLength > maxUploadSize) {
            throw tooLarge();
        }
        java.nio.file.Path staged = Files.createTempFile(bucket.stagingFolder(), "upload-", ".part");
        try {
            HashingInputStream hashing = new HashingInputStream(body);
            try (OutputStream out = Files.newOutputStream(staged)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int n;
                while ((n = hashing.read(buffer)) >= 0) {
                    total += n;
                    if (total > maxUploadSize) {
                        throw tooLarge();
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (hashing.count() == 0) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "the upload is empty; an empty file would only fail");
            }
            bucket.put(key, staged);
            metrics.uploaded(hashing.count());
            LOG.infof("uploaded %s into bucket %s (%d bytes)", key, bucket.name(), hashing.count());
            loop.requestScan();
            StoredFile stored = new StoredFile(bucket.name(), key, hashing.count(), hashing.hexDigest(),
                    "stored; it is ingested on the next scan: see GET /files/" + key);
            return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, stored)
                    .location(URI.create("/files/" + encodePath(key)))
                    .build();
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    @POST
    @Path("{key: .+}/retry")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Ingest a FAILED file once more, although its bytes did not change",
            description = "A FAILED file is otherwise skipped until its bytes change. The attempt happens on the next "
                    + "scan; its outcome replaces the ledger entry.")
    @APIResponse(responseCode = "202", description = "The file will be ingested once more",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetryAccepted.class)))
    @APIResponse(responseCode = "404", description = "The ledger does not know this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The file is not FAILED, or no longer in the bucket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No API key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Wrong API key, or disabled (no key configured in production)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RetryAccepted> retry(@PathParam("key") String key,
                                             @HeaderParam(ApiKeyGuard.HEADER) String apiKey) throws IOException {
        guard.check(apiKey, "retrying a file");
        FileLedgerEntry entry = ledger.find(bucket.name(), key).orElseThrow(() -> new UnknownFileException(bucket.name(), key));
        if (entry.status() != FileStatus.FAILED) {
            throw new ProblemException(ProblemType.CONFLICT, "'" + key + "' is " + entry.status() + ", not FAILED: only a FAILED file can be "
                    + "retried (a file is ingested again whenever its bytes change)");
        }
        if (bucket.stat(key).isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "'" + key + "' is no longer in bucket '" + bucket.name() + "'");
        }
        retries.request(entry);
        metrics.retryRequested();
        LOG.infof("retry of FAILED file %s requested", key);
        loop.requestScan();
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED,
                new RetryAccepted(bucket.name(), key, entry.contentHash(),
                        "will be ingested once more on the next scan; see GET /files/" + key)).build();
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.CONTENT_TOO_LARGE, "the upload is larger than the limit of " + maxUploadSize
                + " bytes (ingest.upload.max-size, by default ingest.max-file-size)");
    }

    private static String encodePath(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    @ServerExceptionMapper
    Response bucketUnavailable(IOException e, UriInfo uri) {
        LOG.warnf("bucket %s: %s", bucket.location(), e.getMessage());
        return ProblemMappers.answer(Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                "the bucket cannot be used right now: " + e.getMessage(), "/" + uri.getPath().replaceFirst("^/", "")));
    }
}
