package io.abstractcatalog.contract;

/**
 * Where a raw record came from: enough to find it again in its file.
 *
 * @param bucket      the bucket name (a local folder's configured name, or the S3 bucket)
 * @param key         the object key (path inside the bucket)
 * @param contentHash SHA-256 of the file's bytes, hex
 * @param format      the detected format, e.g. {@code affiliation-page}
 * @param ordinal     0-based position of the record in the file
 * @param line        1-based line where the record starts
 * @param sourceId    the record's own id in the source (a BibTeX key, an arXiv id…), when it has one
 */
public record SourceRef(String bucket, String key, String contentHash, String format, int ordinal, int line,
                        String sourceId) {
}
