package io.abstractcatalog.ingest.format;

import io.abstractcatalog.contract.Author;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each format puts in each field, on the example files of {@link FormatsTest} and on one-record files. */
class FieldMappingTest {

    private static final String OAI = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record>"
            + "<header><identifier>oai:arXiv.org:0704.0001</identifier></header><metadata>%s</metadata></record></ListRecords></OAI-PMH>";
    private static final String PUBMED = "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\""
            + " \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version=\"1\">10000001</PMID>"
            + "<Article><Journal>%s</Journal><ArticleTitle>H<sub>2</sub>O at 10<sup>-3</sup> K</ArticleTitle>"
            + "<Abstract><AbstractText>An abstract.</AbstractText></Abstract>%s</Article></MedlineCitation>"
            + "<PubmedData><ArticleIdList><ArticleId IdType=\"pubmed\">10000001</ArticleId><ArticleId IdType=\"doi\">10.1000/own</ArticleId></ArticleIdList>"
            + "<ReferenceList><Reference><ArticleIdList><ArticleId IdType=\"doi\">10.1000/cited</ArticleId><ArticleId IdType=\"pmc\">PMC1</ArticleId>"
            + "</ArticleIdList></Reference></ReferenceList></PubmedData></PubmedArticle></PubmedArticleSet>";
    private static final String ATOM = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\">"
            + "<entry><id>http://arxiv.org/abs/0704.0001v2</id><summary>An abstract.</summary>%s</entry></feed>";

    /** One record per case: the file, and the fields it must have ({@code name=value}; {@code name=-}: absent). */
    static Stream<Arguments> bibliographicFields() {
        return Stream.of(
                // RIS: full venue before abbreviations whatever their order, SN never a venue, one author per tag
                Arguments.of("ris JF then J2", "a.ris", ris("JF  - Physical Review D", "J2  - Phys. Rev. D", "SN  - 1550-7998"),
                        List.of("venue=Physical Review D")),
                Arguments.of("ris J2 before T2", "a.ris", ris("J2  - Phys. Rev. D", "T2  - Physical Review D"),
                        List.of("venue=Physical Review D")),
                Arguments.of("ris only JA", "a.ris", ris("JA  - Phys. Rev. D"), List.of("venue=Phys. Rev. D")),
                Arguments.of("ris JO", "a.ris", ris("JO  - Nature"), List.of("venue=Nature")),
                Arguments.of("ris BT of a chapter", "a.ris", ris("BT  - Handbook of Graph Theory"), List.of("venue=Handbook of Graph Theory")),
                Arguments.of("ris SN is an ISSN, not a venue", "a.ris", ris("SN  - 0028-0836"), List.of("venue=-")),
                Arguments.of("ris AU per tag, with von part and suffix", "a.ris",
                        ris("AU  - van der Waals, Johannes Diderik", "A1  - Smith, Jr., John", "AU  - Curie, Marie"),
                        List.of("authors=van der Waals/Johannes Diderik; Smith/John; Curie/Marie")),
                Arguments.of("ris DA year", "a.ris", ris("DA  - 2019/07/01/"), List.of("year=2019")),
                Arguments.of("ris Y1 year with slashes", "a.ris", ris("Y1  - 1998///"), List.of("year=1998")),
                Arguments.of("ris AN when no ID", "a.ris", ris("AN  - 31095926"), List.of("id=31095926", "pmid=-")),
                Arguments.of("ris ID before AN", "a.ris", ris("ID  - key1", "AN  - 31095926"), List.of("id=key1")),
                // JSON and CSV: authors as lists of strings or objects, or as one string; venue and identifier aliases
                Arguments.of("json CSL authors with ORCID", "a.jsonl", "{\"abstract\": \"x\", \"author\": [{\"family\": \"Balázs\", "
                                + "\"given\": \"C.\", \"ORCID\": \"http://orcid.org/0000-0002-1825-0097\"}, {\"literal\": \"ATLAS Collaboration\"}]}\n",
                        List.of("authors=Balázs/C./0000-0002-1825-0097; Collaboration/ATLAS")),
                Arguments.of("json name objects", "a.jsonl", "{\"abstract\": \"x\", \"authors\": [{\"name\": \"Smith, John\"}, {\"name\": \"Ludwig van Beethoven\"}]}\n",
                        List.of("authors=Smith/John; van Beethoven/Ludwig")),
                Arguments.of("json one string with and", "a.jsonl", "{\"abstract\": \"x\", \"authors\": \"Marie Curie and Pierre Curie\"}\n",
                        List.of("authors=Curie/Marie; Curie/Pierre")),
                Arguments.of("json one string Family, Given", "a.jsonl", "{\"abstract\": \"x\", \"authors\": \"Curie, Marie; Curie, Pierre\"}\n",
                        List.of("authors=Curie/Marie; Curie/Pierre")),
                Arguments.of("json CSL container-title, issued date-parts, PMID, PMCID", "a.jsonl",
                        "{\"abstract\": \"x\", \"container-title\": \"Gut\", \"issued\": {\"date-parts\": [[2017, 6]]}, "
                                + "\"PMID\": \"27797938\", \"PMCID\": \"PMC5116089\"}\n",
                        List.of("venue=Gut", "year=2017", "pmid=27797938", "pmcid=PMC5116089")),
                Arguments.of("json journal and pubmed URL", "a.jsonl",
                        "{\"abstract\": \"x\", \"journal\": \"Nature\", \"pubmed_id\": \"https://pubmed.ncbi.nlm.nih.gov/12230038/\", \"pmc\": \"5116089\"}\n",
                        List.of("venue=Nature", "pmid=12230038", "pmcid=PMC5116089")),
                Arguments.of("csv venue and identifiers", "a.csv", "abstract,authors,journal,pmid,pmcid\nx,\"Doe, J.; Roe, R.\",Gut,PMID: 27797938,pmc5116089\n",
                        List.of("authors=Doe/J.; Roe/R.", "venue=Gut", "pmid=27797938", "pmcid=PMC5116089")),
                Arguments.of("csv comma-separated full names", "a.csv", "abstract;authors\nx;C. Balázs, E. L. Berger\n",
                        List.of("authors=Balázs/C.; Berger/E. L.")),
                Arguments.of("csv LaTeX accents in names (arXiv metadata)", "a.csv",
                        "abstract;authors\nx;C. Bal\\'azs, K. G\\\"odel and {\\O}. Nielsen\n",
                        List.of("authors=Balázs/C.; Gödel/K.; Nielsen/Ø.")),
                // MEDLINE text: FAU over AU, AUID's ORCID for the author above it, a group author, TA only without JT
                Arguments.of("medline FAU, AUID, CN", "a.nbib", "PMID- 1\nTI  - A title\nAB  - An abstract\n      continued.\n"
                                + "FAU - van der Berg, Anna\nAU  - van der Berg A\nAUID- ORCID: 0000-0002-1825-0097\nCN  - ATLAS Collaboration\n"
                                + "TA  - Nat Med\nDP  - 1998 Dec-1999 Jan\nLID - S1234 [pii]\nLID - 10.1038/nm1298 [doi]\n",
                        List.of("authors=van der Berg/Anna/0000-0002-1825-0097; ATLAS Collaboration", "venue=Nat Med", "year=1998",
                                "doi=10.1038/nm1298", "pmid=1", "id=1")),
                Arguments.of("medline AU only", "a.nbib", "PMID- 2\nAB  - An abstract.\nAU  - de Hoon MJ\nAU  - Imoto S\nJT  - Bioinformatics\nTA  - Bioinformatics (Oxf)\n",
                        List.of("authors=de Hoon/MJ; Imoto/S", "venue=Bioinformatics")),
                // PubMed XML: MedlineDate, ISOAbbreviation only without Title, group and ORCID authors, the article's own ids
                Arguments.of("pubmed MedlineDate, abbreviation, collective and ORCID authors", "a.xml", PUBMED.formatted(
                                "<JournalIssue><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue><ISOAbbreviation>Nat Med</ISOAbbreviation>",
                                "<AuthorList><Author><LastName>van der Berg</LastName><Initials>A</Initials><Identifier Source=\"ORCID\">https://orcid.org/0000-0002-1825-0097</Identifier>"
                                        + "<AffiliationInfo><Affiliation>Leiden <i>University</i></Affiliation></AffiliationInfo></Author>"
                                        + "<Author><CollectiveName>ATLAS Collaboration</CollectiveName></Author></AuthorList>"
                                        + "<ArticleDate DateType=\"Electronic\"><Year>1998</Year></ArticleDate>"),
                        List.of("title=H2O at 10-3 K", "authors=van der Berg/A/0000-0002-1825-0097; ATLAS Collaboration",
                                "affiliations=Leiden University", "year=1998", "venue=Nat Med", "doi=10.1000/own", "pmid=10000001",
                                "pmcid=-", "id=10000001")),
                Arguments.of("pubmed ArticleDate when PubDate has no year", "a.xml", PUBMED.formatted(
                                "<JournalIssue><PubDate><Season>Spring</Season></PubDate></JournalIssue><Title>Gut</Title><ISOAbbreviation>Gut</ISOAbbreviation>",
                                "<ELocationID EIdType=\"pii\">S0001</ELocationID><ArticleDate DateType=\"Electronic\"><Year>2016</Year></ArticleDate>"),
                        List.of("year=2016", "venue=Gut", "doi=10.1000/own")),
                // arXiv OAI-PMH and Atom
                Arguments.of("oai arXiv keyname and forenames, journal-ref", "a.xml", OAI.formatted(
                                "<arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\"><id>0704.0001</id><created>2007-04-02</created><updated>2008-11-13</updated>"
                                        + "<authors><author><keyname>van der Waals</keyname><forenames>J. D.</forenames></author>"
                                        + "<author><keyname>ATLAS Collaboration</keyname></author></authors>"
                                        + "<journal-ref>Phys.Rev.D76:013009,2007</journal-ref><abstract>x</abstract></arXiv>"),
                        List.of("authors=van der Waals/J. D.; ATLAS Collaboration/null", "year=2007", "venue=Phys.Rev.D76:013009,2007")),
                Arguments.of("oai arXivRaw first version's date", "a.xml", OAI.formatted(
                                "<arXivRaw xmlns=\"http://arxiv.org/OAI/arXivRaw/\"><id>0704.0001</id><authors>C. Balázs, E. L. Berger</authors>"
                                        + "<version version=\"v1\"><date>Mon, 2 Apr 2007 19:18:42 GMT</date></version>"
                                        + "<version version=\"v2\"><date>Tue, 24 Jul 2008 20:10:27 GMT</date></version><abstract>x</abstract></arXivRaw>"),
                        List.of("authors=Balázs/C.; Berger/E. L.", "year=2007", "arxiv=0704.0001")),
                Arguments.of("oai_dc first dc:date", "a.xml", OAI.formatted(
                                "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                                        + "<dc:creator>Callan, David</dc:creator><dc:description>x</dc:description>"
                                        + "<dc:date>2007-03-30</dc:date><dc:date>2009-01-01</dc:date></oai_dc:dc>"),
                        List.of("authors=Callan/David", "year=2007")),
                Arguments.of("atom published, journal_ref, doi", "a.xml", ATOM.formatted(
                                "<updated>2009-01-01T00:00:00Z</updated><published>2007-04-02T19:18:42Z</published>"
                                        + "<author><name>Charles de la Vallée Poussin</name></author>"
                                        + "<arxiv:journal_ref>Phys.Rev.D76:013009,2007</arxiv:journal_ref><arxiv:doi>10.1103/PhysRevD.76.013009</arxiv:doi>"),
                        List.of("year=2007", "venue=Phys.Rev.D76:013009,2007", "doi=10.1103/physrevd.76.013009",
                                "authors=de la Vallée Poussin/Charles")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bibliographicFields")
    void eachFormatMapsTheBibliographicFields(String name, String file, String content, List<String> expected) {
        Parsing parsing = Parsing.of(file, content);
        assertThat(parsing.rejections()).isEmpty();
        Map<String, String> fields = FieldMappingCases.fields(parsing.record(0));

        FieldMappingCases.expected(expected.toArray(String[]::new)).forEach((field, value) -> {
            if (value.equals("-")) {
                assertThat(fields).as(field).doesNotContainKey(field);
            } else {
                assertThat(fields).as(field).containsEntry(field, value);
            }
        });
    }

    @Test
    void aPubmedBookArticleIsRejectedAndTheArticlesAroundItAreRead() {
        String article = "<PubmedArticle><MedlineCitation><PMID>%s</PMID><Article><Abstract><AbstractText>Text.</AbstractText>"
                + "</Abstract></Article></MedlineCitation></PubmedArticle>\n";
        Parsing parsing = Parsing.of("a.xml", "<PubmedArticleSet>\n" + article.formatted("1")
                + "<PubmedBookArticle><BookDocument><PMID>2</PMID><Abstract><AbstractText>Book.</AbstractText></Abstract></BookDocument></PubmedBookArticle>\n"
                + article.formatted("3") + "</PubmedArticleSet>\n");

        assertThat(parsing.records()).extracting(ParsedRecord::pmid).containsExactly("1", "3");
        assertThat(parsing.ordinals()).containsExactly(0, 2);
        assertThat(parsing.problems()).containsExactly("line 3: a PubMed book article (PubmedBookArticle) is not read: only journal articles are");
    }

    private static String ris(String... lines) {
        return "TY  - JOUR\nAB  - An abstract.\n" + String.join("\n", lines) + "\nER  - \n";
    }

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
        // arXiv's metadata spells the accent in LaTeX; the name is folded like a BibTeX one
        assertThat(record.authors()).extracting(Author::name).containsExactly("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan");
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
    void crossrefSingleWorkWithJatsAbstractAndIssuedDate() {
        ParsedRecord record = first("crossref-work.json");

        assertThat(FieldMappingCases.fields(record)).containsAllEntriesOf(FieldMappingCases.expected(
                "title=Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer",
                "authors=Bao/Ying/0000-0002-1825-0097; Prescott/Jennifer; PanScan Consortium",
                "affiliations=Channing Division of Network Medicine, Brigham and Women's Hospital, Boston, Massachusetts, USA",
                "year=2016", "venue=Gut", "doi=10.1136/gutjnl-2016-312510", "url=http://dx.doi.org/10.1136/gutjnl-2016-312510",
                "id=10.1136/gutjnl-2016-312510"));
        assertThat(record.abstractText()).isEqualTo("Objective: Telomere shortening occurs as an early event in pancreatic"
                + " tumorigenesis, and genetic variants at the telomerase reverse transcriptase (TERT) gene region have been"
                + " associated with pancreatic cancer risk. Conclusions: Prediagnostic leucocyte telomere length & genetic"
                + " variants at the TERT gene region were associated with risk (p<0.05).");
        assertThat(record.line()).isEqualTo(5);
    }

    @Test
    void crossrefWorkListAndJsonLines() {
        Parsing list = parse("crossref-works.json");
        Parsing lines = parse("crossref-works.jsonl");

        assertThat(FieldMappingCases.fields(list.record(0))).containsAllEntriesOf(FieldMappingCases.expected(
                "authors=Balázs/C.; Berger/E. L.", "affiliations=Argonne National Laboratory", "year=2007",
                "venue=Physical Review D", "doi=10.1103/physrevd.76.013009"));
        assertThat(FieldMappingCases.fields(list.record(1))).containsAllEntriesOf(FieldMappingCases.expected(
                "title=A work without an abstract", "year=2001", "doi=10.1006/cryo.2001.2328"));
        assertThat(list.record(1).abstractText()).isNull();
        assertThat(FieldMappingCases.fields(list.record(2))).containsAllEntriesOf(FieldMappingCases.expected(
                "arxiv=0704.0002", "year=2007", "url=https://arxiv.org/abs/0704.0002")).doesNotContainKey("doi");
        assertThat(FieldMappingCases.fields(lines.record(0))).containsAllEntriesOf(FieldMappingCases.expected(
                "venue=Frontiers in Physiology", "year=2018", "doi=10.3389/fphys.2018.01034",
                "authors=Garcia-Tabar/Ibai; Gorostiaga/Esteban M."));
        assertThat(lines.record(0).abstractText()).isEqualTo("Maximal Lactate Steady State (MLSS) and Lactate Threshold (LT) are"
                + " physiological landmarks. Both share mechanisms.");
        assertThat(FieldMappingCases.fields(lines.record(1))).containsAllEntriesOf(FieldMappingCases.expected(
                "venue=Occup Environ Med", "year=2018"));
        assertThat(lines.record(1).abstractText()).isEqualTo("Objectives: Animal studies suggest that exposure to pesticides may alter thyroid function.");
        assertThat(lines.lines()).containsExactly(1, 3);
    }

    @Test
    void openAlexWorkWithInvertedIndexAuthorshipsAndIds() {
        ParsedRecord record = first("openalex-work.json");

        assertThat(FieldMappingCases.fields(record)).containsAllEntriesOf(FieldMappingCases.expected(
                "title=The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles",
                "authors=Piwowar/Heather/0000-0002-1825-0097; Priem/Jason; Larivière/Vincent",
                "affiliations=OurResearch; Impactstory, Sanford, NC, USA; Université de Montréal",
                "year=2018", "venue=PeerJ", "doi=10.7717/peerj.4375", "pmid=29456894", "pmcid=PMC5815332",
                "id=https://openalex.org/W2741809807")).doesNotContainKey("arxiv");
        assertThat(record.abstractText()).startsWith("Despite growing interest in Open Access (OA) to scholarly literature, there is")
                .endsWith("(19M in total) and that this proportion is growing.");
        assertThat(record.line()).isEqualTo(1);
    }

    @Test
    void openAlexListResponseAndSnapshotLines() {
        Parsing list = parse("openalex-works.json");
        Parsing lines = parse("openalex-works.jsonl");

        assertThat(FieldMappingCases.fields(list.record(0))).containsAllEntriesOf(FieldMappingCases.expected(
                "arxiv=0704.0002", "venue=arXiv (Cornell University)", "year=2007",
                "authors=Streinu/Ileana; Theran/Louis", "affiliations=Smith College")).doesNotContainKey("doi");
        assertThat(list.record(0).abstractText()).isEqualTo("We describe a new algorithm, the $(k,\\ell)$-pebble game with colors,"
                + " and use it to obtain a characterization of the family of $(k,\\ell)$-sparse graphs.");
        assertThat(list.rejections()).singleElement().satisfies(r -> assertThat(r.excerpt()).isEqualTo("A work without an abstract"));
        assertThat(FieldMappingCases.fields(lines.record(1))).containsAllEntriesOf(FieldMappingCases.expected(
                "title=Proton MRI of 13C distribution by J and chemical shift editing", "year=2001",
                "venue=Journal of Magnetic Resonance", "doi=10.1006/jmre.2001.2429", "pmid=11700088",
                "authors=Casieri/C.", "affiliations=University of L'Aquila"));
        assertThat(lines.lines()).containsExactly(1, 3);
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
