package io.abstractcatalog.ingest.format;

import io.abstractcatalog.contract.Author;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What each format puts in each field, on the example files of {@link FormatsTest}. */
class FieldMappingTest {

    private static ParsedRecord first(String file) {
        return Parsing.of(file, FormatsTest.bytes(file)).record(0);
    }

    private static Parsing parse(String file) {
        return Parsing.of(file, FormatsTest.bytes(file));
    }

    @Test
    void csvQuotedMultiLineFieldsAndCommaSeparatedAuthors() {
        Parsing parsing = parse("arxiv-sample.csv");
        ParsedRecord record = parsing.record(0);

        assertThat(record.title()).isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies");
        assertThat(record.abstractText()).startsWith("A fully differential calculation").endsWith("selection of events.");
        assertThat(record.authors()).extracting(Author::name).containsExactly("C. Bal\\'azs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan");
        assertThat(record.doi()).isEqualTo("10.1103/physrevd.76.013009");
        assertThat(record.line()).isEqualTo(2);
        assertThat(parsing.record(1).authors()).extracting(Author::name).containsExactly("Ileana Streinu", "Louis Theran");
        assertThat(parsing.lines()).containsExactly(2, 18, 30, 44); // where each row starts, multi-line values counted
    }

    @Test
    void csvFromAReferenceManagerWithCrlfAndUnicode() {
        ParsedRecord record = first("bibdedupe-sample.csv");

        assertThat(record.title()).startsWith("ЗАЙНЯТІСТЬ І МОТИВАЦІЯ");
        assertThat(record.year()).isEqualTo(2017);
        assertThat(record.authors()).extracting(Author::name).containsExactly("АЗЬМУК, Н. А.");
        assertThat(record.abstractText()).endsWith("characteristics of employment");
    }

    @Test
    void jsonLinesAliases() {
        Parsing parsing = parse("papers.jsonl");

        assertThat(parsing.record(0).authors()).extracting(Author::name).containsExactly("Ileana Streinu", "Louis Theran");
        assertThat(parsing.record(0).affiliations()).containsExactly("Smith College", "University of Massachusetts Amherst");
        assertThat(parsing.record(0).arxivId()).isEqualTo("0704.0002");
        assertThat(parsing.record(0).year()).isEqualTo(2007);
        assertThat(parsing.record(0).url()).isEqualTo("https://arxiv.org/abs/0704.0002");
        assertThat(parsing.record(0).abstractText()).contains("$(k,\\ell)$");
        assertThat(parsing.record(1).title()).startsWith("A determinant");
        assertThat(parsing.record(1).doi()).isEqualTo("10.1000/example.4");
        assertThat(parsing.record(1).year()).isEqualTo(2007);
        assertThat(parsing.record(1).authors()).extracting(Author::name).containsExactly("David Callan");
        assertThat(parsing.record(2).authors()).extracting(Author::name).containsExactly("Hongjun Pan", "A. N. Other");
        assertThat(parsing.record(2).affiliations()).containsExactly("University of North Texas");
        assertThat(parsing.lines()).containsExactly(1, 3, 4);
        assertThat(parsing.ordinals()).containsExactly(0, 1, 2);
    }

    @Test
    void jsonArrayStreamedWithObjectAuthors() {
        ParsedRecord record = first("papers.json");

        assertThat(record.authors()).extracting(Author::name).containsExactly("C. Balázs", "E. L. Berger", "P. M. Nadolsky");
        assertThat(record.affiliations()).containsExactly("Argonne National Laboratory");
        assertThat(record.year()).isEqualTo(2007);
        assertThat(record.line()).isEqualTo(2);
    }

    @Test
    void bibtexNestedBracesAccentsAndMacros() {
        Parsing parsing = parse("refs.bib");
        ParsedRecord record = parsing.record(0);

        assertThat(record.title()).isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
        assertThat(record.authors()).extracting(Author::name).containsExactly("Balázs, C.", "Berger, E. L.", "Nadolsky, P. M.", "Yuan, C.-P.");
        assertThat(record.abstractText()).isEqualTo("A fully differential calculation in perturbative quantum chromodynamics is"
                + " presented for the production of massive photon pairs at hadron colliders, with über-precise élan and"
                + " Müller's ça -- see $\\mu$P and nested braces.");
        assertThat(record.doi()).isEqualTo("10.1103/physrevd.76.013009");
        assertThat(record.arxivId()).isEqualTo("0704.0001");
        assertThat(record.year()).isEqualTo(2007);
        assertThat(record.line()).isEqualTo(4);
        ParsedRecord quoted = parsing.record(1);
        assertThat(quoted.title()).isEqualTo("Sparsity-certifying Graph Decompositions");
        assertThat(quoted.authors()).extracting(Author::name).containsExactly("Streinu, Ileana", "Théran, Louis");
        assertThat(quoted.abstractText()).isEqualTo("We describe a new algorithm, the $(k,\\ell)$-pebble game with colors ö.");
        assertThat(quoted.affiliations()).containsExactly("Smith College", "Université de Montréal");
        assertThat(quoted.url()).isEqualTo("https://arxiv.org/abs/0704.0002");
        assertThat(parsing.record(2).arxivId()).isEqualTo("0704.0003");
    }

    @Test
    void latexAccentsFoldToUnicode() {
        assertThat(Latex.toUnicode("{\\\"u} \\'e {\\'{e}} \\`a \\^o \\~n \\c{c} \\v{s} \\v s \\ss{} {\\o} \\AA{} {\\l} \\H{o} \\'{\\i}"))
                .isEqualTo("ü é é à ô ñ ç š š ß ø Å ł ő í");
        assertThat(Latex.toUnicode("{BERT}: \\emph{deep} \\& wide -- 50\\% $\\tilde{O}(\\sqrt{N})$ ``edge of chaos''"))
                .isEqualTo("BERT: deep & wide -- 50% $\\tilde{O}(\\sqrt{N})$ ``edge of chaos''");
        assertThat(Latex.toUnicode("\\vec{x} \\unknown{y}")).isEqualTo("\\vecx \\unknowny");
    }

    @Test
    void risContinuationLines() {
        Parsing parsing = parse("refs.ris");
        ParsedRecord record = parsing.record(0);

        assertThat(record.title()).isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
        assertThat(record.abstractText()).isEqualTo("A fully differential calculation in perturbative quantum chromodynamics is"
                + " presented for the production of massive photon pairs at hadron colliders."
                + " All next-to-leading order perturbative contributions are included.");
        assertThat(record.authors()).extracting(Author::name).containsExactly("Balázs, C.", "Berger, E. L.");
        assertThat(record.affiliations()).containsExactly("Argonne National Laboratory", "Southern Methodist University");
        assertThat(record.year()).isEqualTo(2007);
        assertThat(record.arxivId()).isEqualTo("0704.0001");
        assertThat(record.url()).isEqualTo("http://arxiv.org/abs/0704.0001v1");
        assertThat(parsing.record(1).authors()).extracting(Author::name).containsExactly("Streinu, Ileana", "Theran, Louis");
        assertThat(parsing.record(1).abstractText()).startsWith("We describe");
    }

    @Test
    void oaiPmhArxivMetadata() {
        Parsing parsing = parse("oai-arxiv.xml");
        ParsedRecord record = parsing.record(0);

        assertThat(record.title()).isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
        assertThat(record.abstractText()).endsWith("at hadron colliders & more.");
        assertThat(record.authors()).extracting(Author::name).containsExactly("C. Balázs", "E. L. Berger", "C. -P. Yuan");
        assertThat(record.affiliations()).containsExactly("Argonne National Laboratory", "Michigan State University");
        assertThat(record.arxivId()).isEqualTo("0704.0001");
        assertThat(record.doi()).isEqualTo("10.1103/physrevd.76.013009");
        assertThat(record.year()).isEqualTo(2007);
        assertThat(record.line()).isEqualTo(6);
        assertThat(parsing.record(1).abstractText()).isEqualTo("We describe a new algorithm, the $(k,\\ell)$-pebble game with colors <in CDATA>.");
        assertThat(parsing.rejections()).singleElement().satisfies(r -> assertThat(r.ordinal()).isEqualTo(1));
    }

    @Test
    void oaiPmhDublinCore() {
        ParsedRecord record = first("oai-dc.xml");

        assertThat(record.abstractText()).isEqualTo("We show that a determinant of Stirling cycle numbers counts unlabeled acyclic single-source automata.");
        assertThat(record.authors()).extracting(Author::name).containsExactly("Callan, David");
        assertThat(record.url()).isEqualTo("http://arxiv.org/abs/0704.0004");
        assertThat(record.arxivId()).isEqualTo("0704.0004");
        assertThat(record.doi()).isEqualTo("10.1000/example.4");
        assertThat(record.year()).isEqualTo(2007);
    }

    @Test
    void atomEntriesWithSeveralAuthorsAndAffiliations() {
        Parsing parsing = parse("atom.xml");
        ParsedRecord record = parsing.record(0);

        assertThat(record.title()).isEqualTo("Etat de l'art: réseaux de neurones");
        assertThat(record.abstractText()).isEqualTo("We study neural networks at the edge of chaos.");
        assertThat(record.authors()).extracting(Author::name).containsExactly("Marie Curie", "Pierre Curie");
        assertThat(record.affiliations()).containsExactly("Sorbonne Université", "Institut Pasteur", "ESPCI Paris");
        assertThat(record.arxivId()).isEqualTo("2101.00001");
        assertThat(record.doi()).isEqualTo("10.1000/xyz123");
        assertThat(record.url()).isEqualTo("http://arxiv.org/abs/2101.00001v2");
        assertThat(record.year()).isEqualTo(2021);
        assertThat(record.line()).isEqualTo(8);
        assertThat(parsing.record(1).arxivId()).isEqualTo("hep-th/9901001");
        assertThat(List.of(parsing.record(1).year())).containsExactly(1999);
    }
}
