package io.abstractcatalog.ingest.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JATS XML fragment as Crossref deposits abstracts ({@code <jats:p>…</jats:p>}, {@code <jats:title>},
 * {@code <jats:italic>}, {@code <jats:sec>}) turned into plain text: tags dropped, paragraphs and sections separated by
 * a space, a section title kept as "Title: " before its text (as PubMed's labels), a lone "Abstract" heading dropped,
 * the five XML entities and character references decoded. Read as text, not parsed: deposits are not always
 * well-formed, and no entity is ever expanded.
 */
final class JatsText {

    private static final Pattern HEADING = Pattern.compile("(?is)<(?:jats:)?title[^>]*>(.*?)</(?:jats:)?title\\s*>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(?:jats:)?(?:p|sec|list-item|list|title|abstract)\\s*>|<(?:jats:)?break\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private JatsText() {
    }

    static String plain(String jats) {
        Matcher heading = HEADING.matcher(jats);
        StringBuilder titled = new StringBuilder();
        while (heading.find()) {
            String title = TAG.matcher(heading.group(1)).replaceAll("").strip();
            String replacement = title.isEmpty() || title.equalsIgnoreCase("abstract") ? " " : " " + title + ": ";
            heading.appendReplacement(titled, Matcher.quoteReplacement(replacement));
        }
        heading.appendTail(titled);
        String text = TAG.matcher(BLOCK_END.matcher(titled).replaceAll(" ")).replaceAll("");
        return WHITESPACE.matcher(decode(text)).replaceAll(" ").strip();
    }

    private static String decode(String text) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1);
            String character = switch (name) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> codePoint(name);
            };
            reference.appendReplacement(out, Matcher.quoteReplacement(character));
        }
        reference.appendTail(out);
        return out.toString();
    }

    private static String codePoint(String reference) {
        int value = reference.startsWith("#x") ? Integer.parseInt(reference.substring(2), 16) : Integer.parseInt(reference.substring(1));
        return Character.isValidCodePoint(value) && value != 0 ? new String(Character.toChars(value)) : "\uFFFD";
    }
}
