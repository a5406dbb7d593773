package io.abstractcatalog.dedup.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            case and spaces             | ~  Deep   Learning\\tWORKS \\n~             | deep learning works
            abstract label              | Abstract: We show X.                      | we show x.
            abstract label no space     | Abstract:We show X.                       | we show x.
            summary label               | SUMMARY - We show X.                      | we show x.
            label only at the start     | We study the abstract: form.              | we study the abstract: form.
            fullwidth letters (NFKC)    | Ｔｒａｎｓｆｏｒｍｅｒｓ                      | transformers
            ligature (NFKC)             | ﬁnite ﬁelds                               | finite fields
            unicode dashes              | state‐of‐the–art — results                | state-of-the-art - results
            curly quotes                | “edge of chaos” and ‘it’                  | "edge of chaos" and 'it'
            latex quotes                | ``edge of chaos''                          | "edge of chaos"
            math delimiters             | the $\\mu$P rule                           | the \\mup rule
            named html entities         | a &amp; b &lt;c&gt; &nbsp;d                | a & b <c> d
            numeric html entities       | caf&#233; &#x3bc;P                         | café μp
            unknown entity kept         | a &bogus; b                               | a &bogus; b
            html tags                   | <p>Results <i>in vivo</i></p>             | results in vivo
            hyphenated line break       | repre-\\n sentation learning               | representation learning
            null-like empty             | ~~                                        | ~~
            """)
    void foldsTextForMatching(String name, String input, String expected) {
        assertThat(TextNormalizer.normalize(unescape(input))).isEqualTo(unescape(expected));
    }

    @org.junit.jupiter.api.Test
    void nullIsEmpty() {
        assertThat(TextNormalizer.normalize(null)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void isIdempotent() {
        String once = TextNormalizer.normalize("Abstract: ``Edge of Chaos'' &amp; $\\tilde{O}(\\sqrt{N})$ – Ｘ");
        assertThat(TextNormalizer.normalize(once)).isEqualTo(once);
    }

    private static String unescape(String text) {
        return text == null ? "" : text.replace("\\n", "\n").replace("\\t", "\t");
    }
}
