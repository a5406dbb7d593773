package io.abstractcatalog.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrendingPageFormatTest {

    private static final String PITCH_DAILY = "Get trending papers in your email inbox once a day!";
    private static final String PITCH = "Get trending papers in your email inbox!";
    private static final String T1 = "Meta-Learning Update Rules for Unsupervised Representation Learning";
    private static final String T2 = "MindBridge: A Cross-Subject Brain Decoding Framework";
    private static final String A1 = "A major goal of unsupervised learning is to discover data representations that are "
            + "useful for subsequent tasks, without access to supervised labels during training.";
    private static final String A2 = "Brain decoding, a pivotal field in neuroscience, aims to reconstruct stimuli from "
            + "acquired brain signals, primarily utilizing functional magnetic resonance imaging.";

    /** name, file content, titles, their lines. */
    static Stream<Arguments> furnitureVariants() {
        return Stream.of(
                Arguments.of("both pitches, Subscribe glued to the first title",
                        PITCH_DAILY + "\n" + PITCH + "\nSubscribe" + T1 + "\n" + A1 + "\n" + T2 + "\n" + A2 + "\n", List.of(3, 5)),
                Arguments.of("Subscribe on a line of its own",
                        PITCH_DAILY + "\nSubscribe\n" + T1 + "\n" + A1 + "\n" + T2 + "\n" + A2 + "\n", List.of(3, 5)),
                Arguments.of("Subscribe then a space",
                        PITCH + "\nSubscribe " + T1 + "\n" + A1 + "\n" + T2 + "\n" + A2 + "\n", List.of(2, 4)),
                Arguments.of("one pitch, no Subscribe",
                        PITCH_DAILY + "\n" + T1 + "\n" + A1 + "\n" + T2 + "\n" + A2 + "\n", List.of(2, 4)),
                Arguments.of("blank lines around the furniture and between papers",
                        "\n" + PITCH_DAILY + "\n\n" + PITCH + "\n\nSubscribe" + T1 + "\n" + A1 + "\n\n" + T2 + "\n" + A2,
                        List.of(6, 9)),
                Arguments.of("CRLF and byte-order mark",
                        "\uFEFF" + PITCH_DAILY + "\r\n" + PITCH + "\r\nSubscribe" + T1 + "\r\n" + A1 + "\r\n" + T2 + "\r\n" + A2 + "\r\n",
                        List.of(3, 5)),
                Arguments.of("no furniture at all, recognised by short titles and long abstracts",
                        T1 + "\n" + A1 + "\n" + T2 + "\n" + A2 + "\n", List.of(1, 3)),
                Arguments.of("the pitch repeated between papers is dropped too",
                        PITCH + "\nSubscribe" + T1 + "\n" + A1 + "\n" + PITCH + "\n" + T2 + "\n" + A2 + "\n", List.of(2, 5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("furnitureVariants")
    void furnitureNeverBecomesPartOfATitle(String name, String content, List<Integer> lines) {
        Parsing parsing = Parsing.of(content);

        assertThat(parsing.format()).isEqualTo(TrendingPageFormat.NAME);
        assertThat(parsing.titles()).containsExactly(T1, T2);
        assertThat(parsing.abstracts()).containsExactly(A1, A2);
        assertThat(parsing.lines()).isEqualTo(lines);
        assertThat(parsing.rejections()).isEmpty();
        assertThat(parsing.records()).allSatisfy(record -> assertThat(record.affiliations()).isEmpty());
    }

    @Test
    void aTitleThatMerelyStartsWithTheWordSubscribeIsKept() {
        Parsing parsing = Parsing.of(PITCH + "\nSubscriber Churn Prediction with Graph Networks\n" + A1 + "\n");

        assertThat(parsing.titles()).containsExactly("Subscriber Churn Prediction with Graph Networks");
    }

    @Test
    void lastTitleWithoutAbstractIsRejectedWithItsLine() {
        Parsing parsing = Parsing.of(PITCH + "\nSubscribe" + T1 + "\n" + A1 + "\n" + T2 + "\n");

        assertThat(parsing.titles()).containsExactly(T1);
        assertThat(parsing.problems()).containsExactly("line 4: title without abstract");
        assertThat(parsing.rejections().get(0).ordinal()).isEqualTo(1);
        assertThat(parsing.rejections().get(0).excerpt()).isEqualTo(T2);
    }

    @Test
    void ordinalsCountPapersFromZero() {
        Parsing parsing = Parsing.of(PITCH + "\nSubscribe" + T1 + "\n" + A1 + "\n" + T2 + "\n" + A2);

        assertThat(parsing.ordinals()).containsExactly(0, 1);
    }
}
