package io.abstractcatalog.dedup.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page furniture that scraped "abstracts" carry instead of (or around) the text: navigation, citation and download
 * counters, access and cookie notices, "no abstract available". Removed from the normalized abstract so that two
 * papers whose scraped abstract is the same furniture never look alike, and a real abstract with a counter appended
 * still meets its clean copy. Only phrases that never belong to an abstract's own sentences are listed.
 */
final class PageFurniture {

    /** On normalized (lower-case, whitespace-collapsed) text. */
    private static final Pattern FURNITURE = Pattern.compile("\\b(?:" + String.join("|",
            "skip to (?:the )?(?:main )?(?:content|navigation|search)", "toggle navigation", "(?:open|close) (?:main )?menu",
            "access through your institution", "(?:purchase|buy|rent) (?:this )?(?:article|chapter|pdf|access)(?: pdf)?",
            "add to (?:cart|basket)", "(?:download|view) (?:the )?(?:pdf|full[ -]?text|article)(?: \\(\\d+ ?[km]b\\))?",
            "full[ -]?text (?:html|pdf)", "get (?:full )?access", "request permissions", "share this (?:article|chapter)",
            "cited by:? \\d+", "citations?: \\d+", "(?:views|downloads|readers|altmetric(?: score)?): \\d+", "(?:opens|open) in (?:a )?new (?:window|tab)",
            "no abstract (?:is )?available\\.?", "abstract (?:is )?not available\\.?",
            "this (?:article|item|chapter) has no abstract\\.?", "preview (?:is )?(?:not available|unavailable)\\.?",
            "this content is only available (?:as a )?(?:pdf|via pdf)\\.?",
            "you (?:do not|don't) have access to this (?:content|article)\\.?",
            "(?:we|this (?:site|website)) uses? cookies[^.]{0,200}\\.?", "protected by copyright[^.]{0,100}\\.?",
            "please (?:log|sign) in[^.]{0,100}\\.?", "(?:log|sign) in (?:or|/) register") + ")");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    /** Words at least one of which every phrase above contains: most abstracts hold none, and skip the pattern. */
    private static final String[] MARKERS = {"skip", "navigation", "menu", "institution", "purchase", "buy ", "rent ",
            "add to", "download", "view", "full", "access", "permissions", "share", "cited", "citation", "readers",
            "altmetric", "new window", "new tab", "abstract", "preview", "only available", "cookies", "copyright", "log in",
            "sign in"};

    private PageFurniture() {
    }

    static boolean mayHoldFurniture(String normalized) {
        for (String marker : MARKERS) {
            if (normalized.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    static String strip(String normalized) {
        if (normalized.isEmpty() || !mayHoldFurniture(normalized)) {
            return normalized;
        }
        Matcher matcher = FURNITURE.matcher(normalized);
        if (!matcher.find()) {
            return normalized;
        }
        return SPACES.matcher(matcher.replaceAll(" ")).replaceAll(" ").strip();
    }
}
