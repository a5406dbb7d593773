package io.abstractcatalog.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files as NLM's services serve them ({@code src/test/resources/real-world}, provenance in its README): the format
 * detected, as is and gzipped, the records and rejections, and the real values of their fields.
 */
class RealWorldFilesTest {

    static Stream<Arguments> files() {
        return Stream.of(
                // 12091962 has no abstract in PubMed: it comes with its title, author and PMID
                Arguments.of("pubmed-efetch-pubmed1.xml", "pubmed-xml", List.of("12091962", "9997"), List.of()),
                Arguments.of("pubmed-efetch-pubmed2.xml", "pubmed-xml", List.of("11748933", "11700088"), List.of()),
                Arguments.of("pubmed-efetch-pubmed4.xml", "pubmed-xml", List.of("27797938"), List.of()),
                Arguments.of("pubmed-efetch-pubmed5.xml", "pubmed-xml", List.of("28775130"), List.of()),
                Arguments.of("pubmed-efetch-pubmed6.xml", "pubmed-xml", List.of("30108519"), List.of()),
                Arguments.of("medline-1.nbib", "medline", List.of("12230038"), List.of()),
                Arguments.of("medline-2.nbib", "medline", List.of("16403221", "16377612", "14871861", "14630660"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsEachFile(String file, String format, List<String> sourceIds, List<String> problems) {
        assertParsed(Parsing.of(file, bytes(file)), format, sourceIds, problems);
    }

    @ParameterizedTest(name = "{0}.gz")
    @MethodSource("files")
    void readsEachFileGzipped(String file, String format, List<String> sourceIds, List<String> problems) {
        assertParsed(Parsing.of("baseline.gz", FormatsTest.gzip(bytes(file))), format + "+gzip", sourceIds, problems);
    }

    /** Record {@code index} of {@code file} has these fields ({@code name=value}, as {@link FieldMappingCases} shows them). */
    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("pubmed-efetch-pubmed1.xml", 0, List.of(
                        "title=The treatment of AIDS behind the walls of correctional facilities.",
                        "authors=Olivero/J Michael", "venue=Social justice (San Francisco, Calif.)", "year=1990",
                        "pmid=12091962")),
                Arguments.of("pubmed-efetch-pubmed1.xml", 1, List.of(
                        "title=Magnetic studies of Chromatium flavocytochrome C552. A mechanism for heme-flavin interaction.",
                        "authors=Strekas/T C", "venue=Biochimica et biophysica acta", "year=1976", "pmid=9997",
                        "doi=10.1016/0005-2795(76)90109-4")),
                Arguments.of("pubmed-efetch-pubmed2.xml", 0, List.of(
                        "title=Is cryopreservation a homogeneous process? Ultrastructure and motility of untreated, prefreezing, and"
                                + " postthawed spermatozoa of Diplodus puntazzo (Cetti).",
                        "venue=Cryobiology", "year=2001", "pmid=11748933", "doi=10.1006/cryo.2001.2328")),
                Arguments.of("pubmed-efetch-pubmed2.xml", 1, List.of(
                        "title=Proton MRI of (13)C distribution by J and chemical shift editing.",
                        "venue=Journal of magnetic resonance (San Diego, Calif. : 1997)", "year=2001", "pmid=11700088",
                        "doi=10.1006/jmre.2001.2429")),
                Arguments.of("pubmed-efetch-pubmed4.xml", 0, List.of(
                        "title=Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.",
                        "venue=Gut", "year=2017", "pmid=27797938", "doi=10.1136/gutjnl-2016-312510", "pmcid=PMC5442267")),
                Arguments.of("pubmed-efetch-pubmed5.xml", 0, List.of(
                        "title=Occupational pesticide exposure and subclinical hypothyroidism among male pesticide applicators.",
                        "venue=Occupational and environmental medicine", "year=2018", "pmid=28775130",
                        "doi=10.1136/oemed-2017-104431", "pmcid=PMC5771820")),
                Arguments.of("pubmed-efetch-pubmed6.xml", 0, List.of(
                        "title=A \"Blood Relationship\" Between the Overlooked Minimum Lactate Equivalent and Maximal Lactate Steady"
                                + " State in Trained Runners. Back to the Old Days?",
                        "authors=Garcia-Tabar/Ibai; Gorostiaga/Esteban M", "venue=Frontiers in physiology", "year=2018",
                        "pmid=30108519", "doi=10.3389/fphys.2018.01034", "pmcid=PMC6079548")),
                Arguments.of("medline-1.nbib", 0, List.of(
                        "title=The Bio* toolkits--a brief overview.", "authors=Mangalam/Harry",
                        "affiliations=tacg Informatics, Irvine, CA 92612, USA. hjm@tacgi.com",
                        "venue=Briefings in bioinformatics", "year=2002", "pmid=12230038")),
                Arguments.of("medline-2.nbib", 0, List.of(
                        "title=A high level interface to SCOP and ASTRAL implemented in python.",
                        "authors=Casbon/James A; Crooks/Gavin E; Saqi/Mansoor A S",
                        "affiliations=Bioinformatics, Institute of Cell and Molecular Science, School of Medicine and Dentistry,"
                                + " Queen Mary, University of London, London EC1 6BQ, UK. j.a.casbon@qmul.ac.uk",
                        "venue=BMC bioinformatics", "year=2006", "pmid=16403221", "pmcid=PMC1373603",
                        "doi=10.1186/1471-2105-7-10")),
                Arguments.of("medline-2.nbib", 1, List.of(
                        "title=GenomeDiagram: a python package for the visualization of large-scale genomic data.",
                        "authors=Pritchard/Leighton; White/Jennifer A; Birch/Paul R J; Toth/Ian K",
                        "venue=Bioinformatics (Oxford, England)", "year=2006", "doi=10.1093/bioinformatics/btk021")),
                Arguments.of("medline-2.nbib", 2, List.of(
                        "authors=de Hoon/M J L; Imoto/S; Nolan/J; Miyano/S", "year=2004", "doi=10.1093/bioinformatics/bth078")));
    }

    @Test
    void aStructuredPubmedAbstractKeepsItsLabelsInOrderAndLosesItsMarkup() {
        ParsedRecord record = Parsing.of("pubmed.xml", bytes("pubmed-efetch-pubmed4.xml")).record(0);

        assertThat(record.abstractText()).startsWith("OBJECTIVE: Telomere shortening occurs as an early event in pancreatic"
                        + " tumorigenesis, and genetic variants at the telomerase reverse transcriptase (TERT) gene region")
                .contains(" DESIGN: We measured prediagnostic leucocyte telomere length", " RESULTS: Shorter prediagnostic",
                        " CONCLUSIONS: Prediagnostic leucocyte telomere length and genetic variants at the TERT gene region")
                .doesNotContain("<i>");
        assertThat(record.authors().get(0)).satisfies(a -> {
            assertThat(a.family()).isEqualTo("Bao");
            assertThat(a.given()).isEqualTo("Ying");
        });
        assertThat(record.affiliations()).first().isEqualTo("Channing Division of Network Medicine, Department of Medicine,"
                + " Brigham and Women's Hospital, and Harvard Medical School, Boston, Massachusetts, USA.");
        assertThat(record.authors()).hasSize(22);
    }

    @Test
    void pubmedAffiliationsOfEveryAuthorWithCharacterReferences() {
        ParsedRecord record = Parsing.of("pubmed.xml", bytes("pubmed-efetch-pubmed2.xml")).record(0);

        assertThat(record.authors()).extracting(FieldMappingCases::author)
                .startsWith("Taddei/A R", "Barbato/F", "Abelli/L", "Canese/S");
        assertThat(record.affiliations()).first()
                .isEqualTo("Dipartimento di Scienze Ambientali, Università degli Studi della Tuscia, 01100 Viterbo, Italy.");
    }

    @ParameterizedTest(name = "{0} record {1}")
    @MethodSource("records")
    void eachRecordHasItsRealFields(String file, int index, List<String> expected) {
        Map<String, String> fields = FieldMappingCases.fields(Parsing.of(file, bytes(file)).record(index));

        assertThat(fields).containsAllEntriesOf(FieldMappingCases.expected(expected.toArray(String[]::new)));
    }

    private static void assertParsed(Parsing parsing, String format, List<String> sourceIds, List<String> problems) {
        assertThat(parsing.format()).isEqualTo(format);
        assertThat(parsing.records()).extracting(ParsedRecord::sourceId).containsExactlyElementsOf(sourceIds);
        assertThat(parsing.problems()).hasSameSizeAs(problems);
        for (int i = 0; i < problems.size(); i++) {
            assertThat(parsing.problems().get(i)).startsWith(problems.get(i));
        }
    }

    static byte[] bytes(String file) {
        try (InputStream in = RealWorldFilesTest.class.getResourceAsStream("/real-world/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
