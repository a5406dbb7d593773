package io.abstractcatalog.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one LaTeX table read two ways: as display text of BibTeX values (ingest) and folded for matching (dedup). */
class LatexTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", quoteCharacter = '"', textBlock = """
            a .bib file's accents and letters | {\\"u} \\'e {\\'{e}} \\`a \\^o \\~n \\c{c} \\v{s} \\v s \\ss{} {\\o} \\AA{} {\\l} \\H{o} \\'{\\i} | ü é é à ô ñ ç š š ß ø Å ł ő í
            letters, eating one space      | \\ss{} {\\o} \\AA{} {\\l} \\ae{} \\OE{} \\dh{} \\TH \\i x      | ß ø Å ł æ Œ ð Þıx
            accents below and tie          | \\d{o} \\b{k} \\t{oo} \\k{a} \\r{u}                              | ọ ḵ o͡o ą ů
            braces tilde escapes and math  | {BERT}: \\emph{deep} \\& wide -- 50\\% $\\tilde{O}(\\sqrt{N})$ ``edge of chaos'' | BERT: deep & wide -- 50% $\\tilde{O}(\\sqrt{N})$ ``edge of chaos''
            math-only commands outside math stay as written | \\vec{x} \\unknown{y} $\\alpha$ \\alpha   | \\vecx \\unknowny $\\alpha$ \\alpha
            text commands and font switches | \\textsl{a} \\url{https://x.org/a_b} {\\bf bold} \\underline{u} | a https://x.org/a_b bold u
            dashes quotes dots logos        | a\\textendash b\\textemdash c \\textquoteleft q\\textquoteright{} \\ldots{} \\LaTeX{} and \\TeX | a–b—c ‘q’ … LaTeX and TeX
            spacing commands and line breaks | 10\\,000 \\;x\\\\ y\\ z {TAB} w~v | 10 000 x y z w v
            unclosed math and a lone backslash | cost $O(n a\\                                          | cost $O(n a\\
            reserved characters by name     | \\${\\textbackslash}alpha\\$ {\\textbraceleft}x{\\textbraceright} {\\textasciitilde}1 2{\\textasciicircum}3 \\textbackslash{} end | $\\alpha$ {x} ~1 2^3 \\ end
            """)
    void bibtexValuesBecomeDisplayText(String name, String latex, String text) {
        assertThat(LatexText.ofBibtex(latex.replace("{TAB}", "\t\n"))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", quoteCharacter = '"', textBlock = """
            no command                      | plain text, {braces} and $x^2$ stay          | plain text, {braces} and $x^2$ stay
            math symbol                     | the $\\mu$P rule                             | the $μ$P rule
            acute                           | Poincar\\'e symmetry                         | Poincaré symmetry
            braced accents                  | Erd\\H{o}s and G\\"{o}del and {\\'e}t\\'e     | Erdős and Gödel and {é}té
            cedilla and umlaut              | Fran\\c{c}ois St\\"uckelberg                  | François Stückelberg
            accents below and dotless i     | \\d{o} \\b k \\'{\\i}                          | ọ ḵ í
            nested text commands            | a \\emph{very} \\textbf{\\textit{bold}} claim  | a very bold claim
            math accent and root            | runs in $\\tilde{O}(\\sqrt{n})$ time          | runs in $Õ(√{n})$ time
            greek and relations             | $\\alpha \\le \\beta$ and $n \\geq 5$          | $α≤β$ and $n ≥5$
            escapes                         | 95\\% accuracy \\& more \\$5 \\_x \\#1        | 95% accuracy & more $5 _x #1
            dots are not an accent          | $x_1, \\dots, x_n$                           | $x_1, …, x_n$
            cdot is not a cedilla           | a \\cdot b \\ddot{x} \\dot y                   | a ·b ẍ ẏ
            function names keep their space | $\\log n + \\max x_i$                        | $log n + max x_i$
            a command glued to _ stays     | $\\max_i x_i$                                | $\\max_i x_i$
            font switch and math font       | {\\bf x} $\\mathbb{R}^n$ {\\cal L}            | {x} $R^n$ {L}
            url and text commands           | code at \\url{https://github.com/a/b}         | code at https://github.com/a/b
            spacing and math delimiters     | 10\\,000 \\(x\\) \\[y\\] a\\\\b                 | "10 000  x   y  a b"
            letters eat the space after them | a\\textendash b \\th \\ss e \\LaTeX{} is     | a–b þße LaTeX{} is
            sizing commands vanish          | \\left( x \\right)                            | ( x )
            unknown command stays           | \\unknown{y} \\foo                            | \\unknown{y} \\foo
            """)
    void abstractsFoldForMatching(String name, String latex, String folded) {
        assertThat(LatexText.foldForMatching(latex)).isEqualTo(folded);
    }

    /** Text-mode commands read the same either way: one table, not two that drift. */
    @ParameterizedTest
    @CsvSource(delimiterString = "|", textBlock = """
            Poincar\\'e                 | Poincaré
            G\\"{o}del                  | Gödel
            Fran\\c{c}ois               | François
            \\v{S}koda                  | Škoda
            Erd\\H{o}s                  | Erdős
            Wa\\l{}\\k{e}sa             | Wałęsa
            \\O{}resund                 | Øresund
            Stra\\ss{}e                 | Straße
            \\emph{deep} \\textit{nets}  | deep nets
            """)
    void bothReadingsAgreeOnTextModeCommands(String latex, String text) {
        assertThat(LatexText.ofBibtex(latex)).isEqualTo(text);
        assertThat(LatexText.foldForMatching(latex).replace("{}", "")).isEqualTo(text);
    }
}
