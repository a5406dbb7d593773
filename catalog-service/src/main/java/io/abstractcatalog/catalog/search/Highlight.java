package io.abstractcatalog.catalog.search;

/**
 * Matched words in snippets and titles: PostgreSQL's ts_headline marks them, and the marks become {@code <mark>} in
 * safe HTML. Both the API (snippet, titleHighlight) and the search page show that HTML, so it is made here, in the
 * package that reads the marks, and the page only inserts it.
 */
final class Highlight {

    /** Marks around matched words chosen so they cannot occur in the (translated) text, then turned into HTML. */
    private static final char START = '\u0002';
    private static final char STOP = '\u0003';
    /** ts_headline options of the abstract's snippet. */
    static final String SNIPPET_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP
            + ", MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=\" … \"";
    /** ts_headline options of the title, every match highlighted. */
    static final String TITLE_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP + ", HighlightAll=true";

    private Highlight() {
    }

    /** ts_headline output (plain text with START/STOP marks) as safe HTML: text escaped, marks as {@code <mark>}. */
    static String html(String marked) {
        if (marked == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(marked.length() + 32);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> html.append("<mark>");
                case STOP -> html.append("</mark>");
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
