package io.abstractcatalog.dedup.normalize;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTML entities that scraped abstracts actually contain, named and numeric. */
final class HtmlEntities {

    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ndash", "-"), Map.entry("mdash", "-"),
            Map.entry("lsquo", "'"), Map.entry("rsquo", "'"), Map.entry("ldquo", "\""), Map.entry("rdquo", "\""),
            Map.entry("hellip", "..."), Map.entry("times", "×"), Map.entry("plusmn", "±"), Map.entry("deg", "°"));

    private HtmlEntities() {
    }

    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(decode(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String decode(String body, String original) {
        try {
            if (body.startsWith("#x")) {
                return Character.toString(Integer.parseInt(body.substring(2), 16));
            }
            if (body.startsWith("#")) {
                return Character.toString(Integer.parseInt(body.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return original; // not a code point: leave the text as it was
        }
        return NAMED.getOrDefault(body.toLowerCase(), original);
    }
}
