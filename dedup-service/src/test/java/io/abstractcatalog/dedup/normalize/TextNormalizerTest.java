package io.abstractcatalog.dedup.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            case and spaces             | ~  Deep   Learning{TAB}WORKS \\n~             | deep learning works
            abstract label              | Abstract: We show X.                      | we show x.
            abstract label no space     | Abstract:We show X.                       | we show x.
            summary label               | SUMMARY - We show X.                      | we show x.
            label only at the start     | We study the abstract: form.              | we study the abstract: form.
            fullwidth letters (NFKC)    | Ｔｒａｎｓｆｏｒｍｅｒｓ                      | transformers
            ligature (NFKC)             | ﬁnite ﬁelds                               | finite fields
            unicode dashes              | state‐of‐the–art — results                | state-of-the-art - results
            curly quotes                | “edge of chaos” and ‘it’                  | "edge of chaos" and 'it'
            latex quotes                | ``edge of chaos''                          | "edge of chaos"
            math delimiters             | the $\\mu$P rule                           | the μp rule
            named html entities         | a &amp; b &lt;c&gt; &nbsp;d                | a & b <c> d
            numeric html entities       | caf&#233; &#x3bc;P                         | café μp
            unknown entity kept         | a &bogus; b                               | a &bogus; b
            html tags                   | <p>Results <i>in vivo</i></p>             | results in vivo
            hyphenated line break       | repre-\\n sentation learning               | representation learning
            null-like empty             | ~~                                        | ~~
            latex acute                 | Poincar\\'e symmetry                      | poincaré symmetry
            latex braced accent         | Erd\\H{o}s and G\\"{o}del and {\\'e}t\\'e  | erdős and gödel and été
            latex cedilla and umlaut    | Fran\\c{c}ois St\\"uckelberg               | françois stückelberg
            latex emph and textbf       | a \\emph{very} \\textbf{\\textit{bold}} claim | a very bold claim
            latex tilde over O          | runs in $\\tilde{O}(\\sqrt{n})$ time        | runs in õ(√n) time
            latex greek and relations   | $\\alpha \\le \\beta$ and $n \\geq 5$        | α≤β and n ≥5
            latex power vs superscript  | $O(n^{2})$ vs O(n²)                       | o(n2) vs o(n2)
            latex subscript             | 1T-TiSe$_{2}$                             | 1t-tise2
            latex escaped percent       | 95\\% accuracy \\& more                   | 95% accuracy & more
            latex dots not an accent    | $x_1, \\dots, x_n$                        | x1, ..., xn
            background label            | Background: Gig work is growing.          | gig work is growing.
            abstract without colon      | Abstract We show X.                       | we show x.
            two labels                  | Abstract: Background: We show X.          | we show x.
            background as a word        | Background noise is studied.              | background noise is studied.
            elsevier copyright          | We show X. © 2020 Elsevier Ltd. All rights reserved. | we show x.
            copyright word              | We show X. Copyright 2019 IEEE.           | we show x.
            all rights reserved         | We show X. All rights reserved.           | we show x.
            copyright as a topic        | We study copyright law.                   | we study copyright law.
            enumeration (c) kept        | (a) one, (b) two, (c) three.              | (a) one, (b) two, (c) three.
            escaped html tags           | &lt;i&gt;in vivo&lt;/i&gt; results         | in vivo results
            soft hyphen                 | repre\u00ADsentation                      | representation
            html5 named entities        | caf&eacute; &alpha;&beta; &hellip; &NotEqual; | café αβ ... ≠
            html5 double-struck letter  | &Lopf;ie algebras                         | lie algebras
            numeric entities            | &#8211; &#x3bc;m                          | - μm
            unknown entity kept         | R&D &foo; costs                           | r&d &foo; costs
            """)
    void foldsTextForMatching(String name, String input, String expected) {
        assertThat(TextNormalizer.normalize(unescape(input))).isEqualTo(unescape(expected));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            navigation and counters go    | Skip to main content. We show X. Cited by 12. Download PDF | . we show x. .
            only furniture leaves nothing | No abstract available. | ''
            cookie notice goes            | We show X. We use cookies to improve your experience. | we show x.
            counting citations is text    | Papers with 10 citations are cited by others.          | papers with 10 citations are cited by others.
            """)
    void dropsPageFurnitureFromAbstracts(String name, String input, String expected) {
        assertThat(NormalizedRecord.of(new io.abstractcatalog.contract.RawRecord(null, "r", null, null, null, input, null,
                null, null, null, null, null, null, null, null)).normalizedAbstract()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aRecordWithoutAbstractNormalizesToNothingAndKeepsItsOwnFingerprint() {
        NormalizedRecord none = NormalizedRecord.of(new io.abstractcatalog.contract.RawRecord(null, "r-1", null, null,
                "A title", null, null, null, null, null, null, null, null, null, null));
        NormalizedRecord blank = NormalizedRecord.of(new io.abstractcatalog.contract.RawRecord(null, "r-2", null, null,
                "A title", " \n ", null, null, null, null, null, null, null, null, null));

        assertThat(none.normalizedAbstract()).isEmpty();
        assertThat(blank.normalizedAbstract()).isEmpty();
        assertThat(none.fingerprint()).isNotEqualTo(blank.fingerprint());
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

    /** The one-pass shortcuts (taken on every record) must give exactly what the regexes they stand for give. */
    @Property(tries = 500)
    void shortcutsAgreeWithTheRegexesTheyReplace(@ForAll @StringLength(max = 60)
            @Chars({' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2003', 'a', 'B', '(', ')', '©', '-', '\'', '`',
                    '$', '{', '_', '\u2013', '\u201C', '\u2212', '.'}) @Chars({'c', 'C', 'o', 'p', 'y', 'r', 'i', 'g', 'h', 't'})
            String text) {
        assertThat(TextNormalizer.collapseWhitespace(text)).isEqualTo(text.replaceAll("\\s+", " "));
        if (!TextNormalizer.hasPunctuationToFold(text)) {
            assertThat(text.replaceAll("[\\u2010-\\u2015\\u2212]|[\\u2018-\\u201F`]|''|``|[${}^_]", "x")).isEqualTo(text);
        }
        if (!TextNormalizer.mayHoldCopyright(text)) {
            assertThat(TextNormalizer.TRAILING_COPYRIGHT.matcher(text).find()).isFalse();
        }
    }

    private static String unescape(String text) {
        return text == null ? "" : text.replace("\\n", "\n").replace("{TAB}", "\t").replace("\\u00AD", "\u00AD");
    }
}
