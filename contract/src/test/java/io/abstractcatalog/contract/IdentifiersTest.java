package io.abstractcatalog.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdentifiersTest {

    static Stream<Arguments> dois() {
        return Stream.of(
                Arguments.of("10.1136/gutjnl-2016-312510", "10.1136/gutjnl-2016-312510"),
                Arguments.of("https://doi.org/10.1136/GUTJNL-2016-312510", "10.1136/gutjnl-2016-312510"),
                Arguments.of("http://dx.doi.org/10.1000/xyz123.", "10.1000/xyz123"),
                Arguments.of("doi: 10.1000/xyz123", "10.1000/xyz123"),
                Arguments.of("DOI:10.1000/xyz123);", "10.1000/xyz123"),
                Arguments.of("doi 10.1000/abc", "10.1000/abc"),
                Arguments.of("https:/doi.org/10.1000/abc", "10.1000/abc"), // a URL path collapsed the double slash
                Arguments.of("  10.48550/arXiv.2106.01234 ", "10.48550/arxiv.2106.01234"),
                Arguments.of("11.1000/xyz", null),
                Arguments.of("10.1000/has space", null),
                Arguments.of("", null),
                Arguments.of(null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dois")
    void doiIsLowerCaseWithoutResolverOrTrailingPunctuation(String raw, String expected) {
        assertThat(Identifiers.normalizeDoi(raw)).isEqualTo(expected);
    }

    static Stream<Arguments> arxivIds() {
        return Stream.of(
                Arguments.of("2106.01234", "2106.01234"),
                Arguments.of("arXiv:2106.01234v3", "2106.01234"),
                Arguments.of("https://arxiv.org/abs/2106.01234v2", "2106.01234"),
                Arguments.of("http://export.arxiv.org/pdf/1501.00001.pdf", "1501.00001"),
                Arguments.of("hep-th/9901001v1", "hep-th/9901001"),
                Arguments.of("math.AG/0601001", "math.ag/0601001"),
                Arguments.of("10.48550/arXiv.2106.01234", "2106.01234"),
                Arguments.of("https://doi.org/10.48550/arxiv.2106.01234", "2106.01234"),
                Arguments.of("10.1136/gutjnl-2016-312510", null),
                Arguments.of("21060.1234", null),
                Arguments.of("", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arxivIds")
    void arxivIdLosesPrefixUrlAndVersion(String raw, String expected) {
        assertThat(Identifiers.normalizeArxiv(raw)).isEqualTo(expected);
    }

    static Stream<Arguments> pmids() {
        return Stream.of(
                Arguments.of("27797938", "27797938"),
                Arguments.of("PMID: 27797938", "27797938"),
                Arguments.of("pmid:0027797938", "27797938"),
                Arguments.of("https://pubmed.ncbi.nlm.nih.gov/27797938/", "27797938"),
                Arguments.of("2779793a", null),
                Arguments.of("0", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pmids")
    void pmidIsDigitsOnly(String raw, String expected) {
        assertThat(Identifiers.normalizePmid(raw)).isEqualTo(expected);
    }

    static Stream<Arguments> pmcids() {
        return Stream.of(
                Arguments.of("PMC5116089", "PMC5116089"),
                Arguments.of("pmc5116089", "PMC5116089"),
                Arguments.of("5116089", "PMC5116089"),
                Arguments.of("PMCID: PMC5116089", "PMC5116089"),
                Arguments.of("PMC", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pmcids")
    void pmcidIsPmcAndDigits(String raw, String expected) {
        assertThat(Identifiers.normalizePmcid(raw)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void arxivDoiIsToldApartFromAPublisherDoi() {
        assertThat(Identifiers.isArxivDoi("10.48550/arxiv.2106.01234")).isTrue();
        assertThat(Identifiers.isArxivDoi("10.1136/gutjnl-2016-312510")).isFalse();
    }
}
