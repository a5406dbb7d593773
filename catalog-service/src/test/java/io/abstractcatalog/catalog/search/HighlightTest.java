package io.abstractcatalog.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighlightTest {

    @Test
    void marksBecomeMarkElementsAndEverythingElseIsEscaped() {
        String marked = "\u0002Sum\u0003-product <b>nets</b> & \"deep\" 'models'";

        assertThat(Highlight.html(marked))
                .isEqualTo("<mark>Sum</mark>-product &lt;b&gt;nets&lt;/b&gt; &amp; &quot;deep&quot; &#39;models&#39;");
    }

    @Test
    void noHeadlineIsNoHtml() {
        assertThat(Highlight.html(null)).isNull();
    }

    @Test
    void theHeadlineOptionsUseTheMarksThatBecomeHtml() {
        assertThat(Highlight.SNIPPET_OPTIONS).startsWith("StartSel=\u0002, StopSel=\u0003,");
        assertThat(Highlight.TITLE_OPTIONS).isEqualTo("StartSel=\u0002, StopSel=\u0003, HighlightAll=true");
    }
}
