package io.abstractcatalog.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AffiliationPageFormatTest {

    private static final String A1 = "Transformers can recognise hierarchical languages.";
    private static final String A2 = "Looped transformers are parameter efficient.";
    private static final String A3 = "Overparameterised networks generalise.";

    /** name, file content, affiliation (null = none), abstracts, their lines, rejections. */
    static Stream<Arguments> variants() {
        return Stream.of(
                variant("affiliation line then records",
                        "MIT\nAbstract:" + A1 + "\nAbstract:" + A2 + "\n", "MIT", List.of(A1, A2), List.of(2, 3), List.of()),
                variant("no affiliation line",
                        "Abstract:" + A1 + "\nAbstract:" + A2 + "\n", null, List.of(A1, A2), List.of(1, 2), List.of()),
                variant("blank lines between records",
                        "MIT\nAbstract:" + A1 + "\n\n\n\nAbstract:" + A2 + "\n\nAbstract:" + A3 + "\n",
                        "MIT", List.of(A1, A2, A3), List.of(2, 6, 8), List.of()),
                variant("blank lines before the affiliation",
                        "\n\nMIT\n\nAbstract:" + A1, "MIT", List.of(A1), List.of(5), List.of()),
                variant("missing final newline",
                        "MIT\nAbstract:" + A1 + "\nAbstract:" + A2, "MIT", List.of(A1, A2), List.of(2, 3), List.of()),
                variant("CRLF line ends",
                        "MIT\r\nAbstract:" + A1 + "\r\n\r\nAbstract:" + A2 + "\r\n", "MIT", List.of(A1, A2), List.of(2, 4), List.of()),
                variant("UTF-8 byte-order mark",
                        "\uFEFFMIT\nAbstract:" + A1 + "\n", "MIT", List.of(A1), List.of(2), List.of()),
                variant("byte-order mark before the first Abstract:",
                        "\uFEFFAbstract:" + A1 + "\n", null, List.of(A1), List.of(1), List.of()),
                variant("text after a space, case and spacing of the prefix vary",
                        "MIT\nAbstract: " + A1 + "\nABSTRACT :  " + A2 + "  \n", "MIT", List.of(A1, A2), List.of(2, 3), List.of()),
                variant("Abstract: without text is rejected, the rest kept",
                        "MIT\nAbstract:" + A1 + "\nAbstract:\nAbstract:   \nAbstract:" + A2 + "\n",
                        "MIT", List.of(A1, A2), List.of(2, 5), List.of("line 3: empty abstract", "line 4: empty abstract")),
                variant("a wrapped abstract stays one record",
                        "MIT\nAbstract:Transformers can\nrecognise hierarchical languages.\nAbstract:" + A2,
                        "MIT", List.of(A1, A2), List.of(2, 4), List.of()),
                variant("text on the line after a bare Abstract: belongs to it",
                        "Abstract:\n" + A1 + "\n", null, List.of(A1), List.of(1), List.of()),
                variant("a second line before the first record is rejected, not taken as an affiliation",
                        "MIT\nCSAIL\nAbstract:" + A1 + "\n", "MIT", List.of(A1), List.of(3),
                        List.of("line 2: text before the first 'Abstract:' that is not the affiliation line")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void parsesVariant(String name, String content, String affiliation, List<String> abstracts, List<Integer> lines,
                       List<String> problems) {
        Parsing parsing = Parsing.of(content);

        assertThat(parsing.format()).isEqualTo(AffiliationPageFormat.NAME);
        assertThat(parsing.abstracts()).isEqualTo(abstracts);
        assertThat(parsing.lines()).isEqualTo(lines);
        assertThat(parsing.problems()).isEqualTo(problems);
        assertThat(parsing.records()).allSatisfy(record -> assertThat(record.affiliations())
                .isEqualTo(affiliation == null ? List.of() : List.of(affiliation)));
    }

    @Test
    void rejectedRecordsKeepTheirOrdinalSoLaterRecordsKeepTheirIds() {
        Parsing parsing = Parsing.of("MIT\nAbstract:" + A1 + "\nAbstract:\nAbstract:" + A2 + "\n");

        assertThat(parsing.ordinals()).containsExactly(0, 2);
        assertThat(parsing.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.ordinal()).isEqualTo(1);
            assertThat(rejection.line()).isEqualTo(3);
            assertThat(rejection.excerpt()).isEqualTo("Abstract:");
        });
    }

    @Test
    void recordLongerThanTheLimitIsRejectedAndReadingGoesOn() {
        String huge = "x".repeat(500);
        byte[] bytes = ("MIT\nAbstract:" + huge + "\nAbstract:" + A2 + "\n").getBytes(StandardCharsets.UTF_8);

        Parsing parsing = Parsing.of(new ByteArrayInputStream(bytes), 200);

        assertThat(parsing.abstracts()).containsExactly(A2);
        assertThat(parsing.problems()).containsExactly("line 2: record longer than 200 characters");
    }

    private static Arguments variant(String name, String content, String affiliation, List<String> abstracts,
                                     List<Integer> lines, List<String> problems) {
        return Arguments.of(name, content, affiliation, abstracts, lines, problems);
    }
}
