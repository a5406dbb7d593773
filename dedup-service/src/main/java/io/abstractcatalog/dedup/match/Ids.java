package io.abstractcatalog.dedup.match;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Identifier normalization: one spelling per DOI and arXiv id, so equal identifiers compare equal. */
public final class Ids {

    private static final Pattern DOI_PREFIX = Pattern.compile("^(?:https?://)?(?:dx\\.)?(?:doi\\.org/|doi:\\s*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI = Pattern.compile("^10\\.\\d{4,9}/\\S+$");
    /** The DOI arXiv mints for its own papers is an arXiv id, not a publisher DOI: it must not veto a journal DOI. */
    private static final Pattern ARXIV_DOI = Pattern.compile("^10\\.48550/arxiv\\.(.+)$");
    private static final Pattern ARXIV_PREFIX = Pattern.compile("^(?:https?://arxiv\\.org/(?:abs|pdf)/|arxiv:)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARXIV_VERSION = Pattern.compile("v\\d+$");

    private Ids() {
    }

    /** Lower-case DOI without resolver prefix or trailing punctuation; null when absent, malformed or an arXiv DOI. */
    public static String doi(String raw) {
        String doi = cleanDoi(raw);
        return doi == null || ARXIV_DOI.matcher(doi).matches() ? null : doi;
    }

    /** The arXiv id without prefix and version ({@code arXiv:2101.00001v3} → {@code 2101.00001}); also from an arXiv DOI. */
    public static String arxiv(String rawArxiv, String rawDoi) {
        String doi = cleanDoi(rawDoi);
        if (doi != null) {
            Matcher matcher = ARXIV_DOI.matcher(doi);
            if (matcher.matches() && (rawArxiv == null || rawArxiv.isBlank())) {
                rawArxiv = matcher.group(1);
            }
        }
        if (rawArxiv == null || rawArxiv.isBlank()) {
            return null;
        }
        String id = ARXIV_PREFIX.matcher(rawArxiv.strip()).replaceFirst("").toLowerCase(Locale.ROOT);
        id = ARXIV_VERSION.matcher(id).replaceFirst("");
        return id.isEmpty() ? null : id;
    }

    private static String cleanDoi(String raw) {
        if (raw == null) {
            return null;
        }
        String doi = DOI_PREFIX.matcher(raw.strip()).replaceFirst("").toLowerCase(Locale.ROOT);
        while (!doi.isEmpty() && ".,;)]".indexOf(doi.charAt(doi.length() - 1)) >= 0) {
            doi = doi.substring(0, doi.length() - 1);
        }
        return DOI.matcher(doi).matches() ? doi : null;
    }
}
