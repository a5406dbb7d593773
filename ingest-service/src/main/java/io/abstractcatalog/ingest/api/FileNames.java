package io.abstractcatalog.ingest.api;

import io.abstractcatalog.contract.http.ProblemException;
import io.abstractcatalog.contract.http.ProblemType;
import io.abstractcatalog.ingest.scan.BucketScanner;
import java.nio.charset.StandardCharsets;

/**
 * Checks the name an upload asks for. A name becomes a bucket key as it is ({@code 2024/march/page.txt}), so it must
 * be a plain relative path: no way out of the bucket folder, nothing a scan would ignore, nothing that looks
 * different from what it is in a log or a terminal.
 */
public final class FileNames {

    /** S3's own limit on a key, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 1024;
    /** The usual limit of a file name on local file systems. */
    public static final int MAX_SEGMENT_BYTES = 255;

    private FileNames() {
    }

    /** Returns the name when it is acceptable as a key, else throws a 400 problem saying what is wrong. */
    public static String validate(String name) {
        if (name == null || name.isEmpty()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the file name is empty");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the file name is longer than " + MAX_NAME_BYTES + " bytes");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (isControlOrInvisible(c)) {
                throw new ProblemException(ProblemType.BAD_REQUEST, String.format("the file name contains the control character U+%04X at position %d", (int) c, i));
            }
            if (c == '\\') {
                throw new ProblemException(ProblemType.BAD_REQUEST, "the file name contains a backslash; use '/' between folders");
            }
        }
        if (name.startsWith("/")) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the file name is an absolute path; give a path relative to the bucket");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "the file name contains a '" + segment + "' segment (path traversal)");
            }
            if (segment.isEmpty()) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "the file name has an empty path segment ('//' or a trailing '/')");
            }
            if (segment.startsWith(".")) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "the file name has a hidden segment '" + segment + "' (starting with '.'), which is never ingested");
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "a segment of the file name is longer than " + MAX_SEGMENT_BYTES + " bytes");
            }
        }
        if (BucketScanner.isIgnored(name)) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "names ending in .part or .tmp are temporary names that are never ingested");
        }
        return name;
    }

    /** C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional and other invisible marks. */
    private static boolean isControlOrInvisible(char c) {
        return Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200B' || c == '\u200E' || c == '\u200F' || c == '\uFEFF';
    }
}
