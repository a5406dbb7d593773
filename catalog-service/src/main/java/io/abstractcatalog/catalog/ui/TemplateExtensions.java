package io.abstractcatalog.catalog.ui;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Helpers for the templates. */
@TemplateExtension
public class TemplateExtensions {

    private static final int BRIEF = 320;

    /** The start of a long text, cut at a word, for result lists without a query (no snippet). */
    static String brief(String text) {
        if (text == null || text.length() <= BRIEF) {
            return text;
        }
        int cut = text.lastIndexOf(' ', BRIEF);
        return text.substring(0, cut > BRIEF / 2 ? cut : BRIEF) + " …";
    }

    static String urlEncode(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
