package io.abstractcatalog.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthorTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("Hinton, Geoffrey E.", "Hinton", "Geoffrey E."),
                Arguments.of("Geoffrey E. Hinton", "Hinton", "Geoffrey E."),
                Arguments.of("  Yann   LeCun ", "LeCun", "Yann"),
                Arguments.of("Ludwig van Beethoven", "van Beethoven", "Ludwig"),
                Arguments.of("Charles Louis de la Vallée Poussin", "de la Vallée Poussin", "Charles Louis"),
                Arguments.of("van der Waals, Johannes", "van der Waals", "Johannes"),
                Arguments.of("King, Jr., Martin Luther", "King", "Martin Luther"),
                Arguments.of("Aristotle", "Aristotle", null),
                Arguments.of("Van Halen", "Halen", "Van"),
                Arguments.of("Johannes Van der Waals", "Van der Waals", "Johannes"),
                Arguments.of("geoffrey e hinton", "hinton", "geoffrey e"),
                Arguments.of("Casbon JA", "Casbon", "JA"),
                Arguments.of("van der Berg H", "van der Berg", "H"),
                Arguments.of("Li Na", "Na", "Li"),
                Arguments.of("Bo Li", "Li", "Bo"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void oneStringSplitsIntoFamilyAndGivenNames(String asGiven, String family, String given) {
        Author author = Author.parse(asGiven);

        assertThat(author.family()).isEqualTo(family);
        assertThat(author.given()).isEqualTo(given);
        assertThat(author.name()).isEqualTo(asGiven.strip().replaceAll("\\s+", " "));
    }

    static Stream<Arguments> orcids() {
        return Stream.of(
                Arguments.of("0000-0002-1825-0097", "0000-0002-1825-0097"),
                Arguments.of("https://orcid.org/0000-0002-1694-233x", "0000-0002-1694-233X"),
                Arguments.of("http://orcid.org/0000-0002-1825-0097/", "0000-0002-1825-0097"),
                Arguments.of("0000-0002-1825", null),
                Arguments.of("", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orcids")
    void orcidIsTheBareIdWhateverTheSpelling(String raw, String expected) {
        assertThat(Author.orcid(raw)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nameIsMadeFromPartsWhenOnlyPartsAreGiven() {
        assertThat(new Author(null, "Curie", "Marie", null).name()).isEqualTo("Marie Curie");
        assertThat(new Author(" ", "Curie", null, null).name()).isEqualTo("Curie");
    }
}
