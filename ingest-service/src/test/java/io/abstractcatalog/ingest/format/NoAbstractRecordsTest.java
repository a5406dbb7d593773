package io.abstractcatalog.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Records without an abstract, in every bibliographic format: kept when they have a title and authors or an
 * identifier (DOI, arXiv id, PMID, PMCID), rejected with their line and the reason otherwise. Each file holds the
 * same candidates where the format can spell them: a titled entry with authors, a titled entry with only a DOI (PMID,
 * arXiv id), an "Editorial" with nothing else, an identifier without a title, and a control entry with its abstract.
 */
class NoAbstractRecordsTest {

    private static final String CONTROL = "A control record with its abstract.";

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("json-lines", """
                        {"title": "Deep learning", "authors": ["Yann LeCun", "Yoshua Bengio"], "year": 2015}
                        {"title": "Attention is all you need", "doi": "https://doi.org/10.5555/AIAYN"}
                        {"title": "Editorial", "year": 2020, "abstract": "   "}
                        {"doi": "10.5555/untitled", "authors": ["Ann Author"]}
                        {"title": "Control", "abstract": "A control record with its abstract."}
                        """, List.of("Deep learning", "Attention is all you need", "Control"), List.of(3, 4)),
                Arguments.of("json-array", """
                        [{"title": "Deep learning", "authors": ["Yann LeCun", "Yoshua Bengio"]},
                         {"title": "Attention is all you need", "arxiv_id": "arXiv:1706.03762v7"},
                         {"title": "Editorial"},
                         {"pmid": "123", "authors": ["Ann Author"]},
                         {"title": "Control", "summary": "A control record with its abstract."}]
                        """, List.of("Deep learning", "Attention is all you need", "Control"), List.of(3, 4)),
                Arguments.of("csv", """
                        title,authors,doi,abstract
                        Deep learning,Yann LeCun; Yoshua Bengio,,
                        Attention is all you need,,10.5555/aiayn,
                        Editorial,,,
                        ,Ann Author,10.5555/untitled,
                        Control,,,A control record with its abstract.
                        """, List.of("Deep learning", "Attention is all you need", "Control"), List.of(4, 5)),
                // a reference manager's export without an abstract column: a title column with authors and a DOI
                Arguments.of("csv", """
                        Title;Author;DOI;Year
                        Deep learning;Yann LeCun and Yoshua Bengio;;2015
                        Attention is all you need;;10.5555/aiayn;2017
                        Editorial;;;2020
                        ;Ann Author;10.5555/untitled;2020
                        """, List.of("Deep learning", "Attention is all you need"), List.of(4, 5)),
                Arguments.of("bibtex", """
                        @article{lecun2015, title = {Deep learning}, author = {LeCun, Yann and Bengio, Yoshua}, year = 2015}
                        @inproceedings{vaswani2017, title = {Attention is all you need}, doi = {10.5555/aiayn}}
                        @article{editorial, title = {Editorial}, year = 2020}
                        @misc{untitled, doi = {10.5555/untitled}, author = {Author, Ann}}
                        @article{control, title = {Control}, abstract = {A control record with its abstract.}}
                        """, List.of("Deep learning", "Attention is all you need", "Control"), List.of(3, 4)),
                Arguments.of("ris", """
                        TY  - JOUR
                        TI  - Deep learning
                        AU  - LeCun, Yann
                        AU  - Bengio, Yoshua
                        ER  -\s
                        TY  - CONF
                        TI  - Attention is all you need
                        DO  - 10.5555/aiayn
                        ER  -\s
                        TY  - JOUR
                        TI  - Editorial
                        PY  - 2020
                        ER  -\s
                        TY  - JOUR
                        AU  - Author, Ann
                        DO  - 10.5555/untitled
                        ER  -\s
                        TY  - JOUR
                        TI  - Control
                        AB  - A control record with its abstract.
                        ER  -\s
                        """, List.of("Deep learning", "Attention is all you need", "Control"), List.of(10, 14)),
                // every MEDLINE and PubMed record has a PMID, so only a record without a title is refused
                Arguments.of("medline", """
                        PMID- 1
                        TI  - Deep learning
                        AU  - LeCun Y

                        PMID- 2
                        TI  - Attention is all you need

                        PMID- 3
                        AU  - Author A

                        PMID- 4
                        TI  - Control
                        AB  - A control record with its abstract.
                        """, List.of("Deep learning", "Attention is all you need", "Control"), List.of(8)),
                Arguments.of("pubmed-xml", """
                        <?xml version="1.0"?>
                        <PubmedArticleSet>
                        <PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>Deep learning</ArticleTitle>
                        <AuthorList><Author><LastName>LeCun</LastName><ForeName>Yann</ForeName></Author></AuthorList></Article></MedlineCitation></PubmedArticle>
                        <PubmedArticle><MedlineCitation><PMID>2</PMID><Article><ArticleTitle>Attention is all you need</ArticleTitle></Article></MedlineCitation></PubmedArticle>
                        <PubmedArticle><MedlineCitation><PMID>3</PMID><Article><AuthorList><Author><LastName>Author</LastName></Author></AuthorList></Article></MedlineCitation></PubmedArticle>
                        <PubmedArticle><MedlineCitation><PMID>4</PMID><Article><ArticleTitle>Control</ArticleTitle>
                        <Abstract><AbstractText>A control record with its abstract.</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>
                        </PubmedArticleSet>
                        """, List.of("Deep learning", "Attention is all you need", "Control"), List.of(6)),
                // every arXiv entry has its arXiv id: an empty summary is a record without abstract
                Arguments.of("arxiv-atom", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <feed xmlns="http://www.w3.org/2005/Atom">
                          <entry><id>http://arxiv.org/abs/1706.03762v7</id><title>Attention is all you need</title><summary> </summary></entry>
                          <entry><id>http://arxiv.org/abs/2101.00009v1</id><summary></summary></entry>
                          <entry><id>http://arxiv.org/abs/2101.00001v1</id><title>Control</title><summary>A control record with its abstract.</summary></entry>
                        </feed>
                        """, List.of("Attention is all you need", "Control"), List.of(4)),
                Arguments.of("crossref-json", """
                        {"status": "ok", "message-type": "work-list", "message": {"items": [
                        {"DOI": "10.5555/aiayn", "title": ["Attention is all you need"]},
                        {"title": ["Deep learning"], "author": [{"given": "Yann", "family": "LeCun"}]},
                        {"title": ["Editorial"]},
                        {"DOI": "10.5555/untitled", "title": []},
                        {"DOI": "10.5555/control", "title": ["Control"], "abstract": "<jats:p>A control record with its abstract.</jats:p>"}
                        ]}}
                        """, List.of("Attention is all you need", "Deep learning", "Control"), List.of(4, 5)),
                Arguments.of("openalex-json", """
                        {"meta": {"count": 4}, "results": [
                        {"id": "https://openalex.org/W1", "title": "Deep learning", "publication_year": 2015, "authorships": [{"author": {"display_name": "Yann LeCun"}}]},
                        {"id": "https://openalex.org/W2", "doi": "https://doi.org/10.5555/aiayn", "title": "Attention is all you need", "authorships": []},
                        {"id": "https://openalex.org/W3", "title": "Editorial", "authorships": [], "abstract_inverted_index": null},
                        {"id": "https://openalex.org/W4", "title": "Control", "authorships": [], "abstract_inverted_index": {"A": [0], "control": [1], "record": [2], "with": [3], "its": [4], "abstract.": [5]}}
                        ]}
                        """, List.of("Deep learning", "Attention is all you need", "Control"), List.of(4)));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("files")
    void aRecordWithoutAbstractIsKeptWhenItsTitleHasAuthorsOrAnIdentifier(String format, String content,
                                                                          List<String> keptTitles,
                                                                          List<Integer> rejectedLines) {
        Parsing parsing = Parsing.of("export", content);

        assertThat(parsing.format()).isEqualTo(format);
        assertThat(parsing.records()).extracting(ParsedRecord::title).containsExactlyElementsOf(keptTitles);
        assertThat(parsing.records()).allSatisfy(record -> {
            if (record.title().equals("Control")) {
                assertThat(record.abstractText()).isEqualTo(CONTROL);
            } else {
                assertThat(record.abstractText()).isNull();
                assertThat(!record.authors().isEmpty() || record.doi() != null || record.arxivId() != null
                        || record.pmid() != null).as("authors or an identifier").isTrue();
            }
        });
        assertThat(parsing.problems()).containsExactlyElementsOf(rejectedLines.stream()
                .map(line -> "line " + line + ": " + RecordBuilder.NOT_IDENTIFIABLE).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notBibliographic")
    void aCsvWithoutAbstractColumnIsOnlyClaimedWhenItsHeaderNamesWorks(String header, boolean claimed) {
        byte[] file = (header + "\nvalue,value,value\n").getBytes(StandardCharsets.UTF_8);

        if (claimed) {
            assertThat(Parsing.of("table", file).format()).isEqualTo("csv");
        } else {
            assertThatThrownBy(() -> Parsing.of("table", file)).isInstanceOf(UnreadableFileException.class)
                    .hasMessageContaining("format not recognised");
        }
    }

    static Stream<Arguments> notBibliographic() {
        return Stream.of(
                Arguments.of("title,author,year", true),
                Arguments.of("Title,DOI,Pages", true),
                Arguments.of("paper_title,pmid,journal", true),
                Arguments.of("title,price,stock", false), // a shop's table has titles too
                Arguments.of("name,author,year", false), // authors without titles name no work
                Arguments.of("id,title,year", false),
                Arguments.of("doi,year,citations", false));
    }
}
