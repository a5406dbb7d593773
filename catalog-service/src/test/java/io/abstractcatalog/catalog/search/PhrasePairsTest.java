package io.abstractcatalog.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tsquery texts are PostgreSQL's own output for the q in the comment (websearch_to_tsquery, english). */
class PhrasePairsTest {

    @ParameterizedTest(name = "{0} requires {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "'graph'; -",                                                    // graph
            "'graph' & 'kernel'; -",                                         // graph kernel
            "'graph' <-> 'kernel' & !'quantum'; graph kernel",                // "graph kernel" -quantum
            "'graph' <-> 'kernel' <-> 'method'; graph kernel|kernel method",  // "graph kernel methods"
            "'graph-bas' <-> 'graph' <-> 'base' & 'kernel'; graph-bas graph|graph base", // graph-based kernel
            "'kernel' <3> 'graph'; -",                                       // "kernel of the graph": stop words between
            "'p' <2> 'q' <-> 'r'; q r",
            "'graph' <-> 'kernel' & 'neural' <-> 'network' | 'foo'; -",      // ... or foo: a match may have foo alone
            "'graph' <-> 'kernel' & ( 'neural' <-> 'network' | 'foo' ); graph kernel",
            "!( 'graph' <-> 'kernel' ) & 'x'; -",                            // -"graph kernel" x
            "'x' <-> ( 'y' <-> 'z' ); x y|y z",                               // R begins with y
            "'p' <-> 'q' <-> ( 'r' <-> 's' ); p q|r s|q r",
            "( 'x' | 'y' ) <-> 'z'; -",                                      // no single lexeme ends L
            "'x' <-> ( 'y' | 'z' ); -",
            "'x' <-> !'y'; -",
            "'x':* <-> 'y'; -",                                              // a prefix is no whole lexeme
            "'x':A <-> 'y':BC; x y",                                          // weights do not move positions
            "'it''s' <-> 'a\\\\b'; it's a\\b",                                // quote and backslash doubled
            "'o' <-> 'neil' & 'x' <-> 'y'; o neil|x y",                       // o'neil "x y"
            "'x' <-> 'y' & 'x' <-> 'y'; x y"})                                // each pair once
    void requiresThePairsEveryMatchHolds(String tsquery, String pairs) {
        List<String> expected = pairs.equals("-") ? List.of() : Arrays.asList(pairs.split("\\|"));
        assertThat(PhrasePairs.of(tsquery).pairs()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}: other terms {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "'graph' <-> 'kernel' & !'quantum'; -",                                 // only a negation: nothing to index
            "'graph' <-> 'kernel' & 'zebrafish' & !'quantum'; 'zebrafish' & !'quantum'",
            "'zebra':*A & 'graph' <-> 'kernel'; 'zebra':*A",                        // weights and prefix kept as written
            "'it''s' & 'graph' <-> 'kernel'; 'it''s'",
            "'graph' <-> 'kernel' & ( 'neural' <-> 'network' | 'foo' ) & 'x'; 'x'", // a group is left to the check
            "!( 'a' <-> 'b' ) & 'graph' <-> 'kernel' & 'x'; !( 'a' <-> 'b' ) & 'x'",
            "'x' & 'y'; -"})                                                       // no phrase: NONE
    void otherTermsAreTheLexemesAndNegationsBesideThePhrases(String tsquery, String others) {
        assertThat(PhrasePairs.of(tsquery).otherTerms()).isEqualTo(others.equals("-") ? null : others);
    }

    @ParameterizedTest(name = "an empty query (only stop words) requires nothing")
    @ValueSource(strings = {"", " "})
    void anEmptyQueryRequiresNothing(String tsquery) {
        assertThat(PhrasePairs.of(tsquery)).isEqualTo(PhrasePairs.NONE);
    }

    @ParameterizedTest(name = "{0} is not a tsquery")
    @ValueSource(strings = {"'x' <-", "( 'x'", "'x", "x", "'x' & ", "'x' <a> 'y'", "'x' 'y'"})
    void textThatIsNoTsqueryIsRejected(String tsquery) {
        assertThatThrownBy(() -> PhrasePairs.of(tsquery)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(tsquery.trim());
    }

    @ParameterizedTest(name = "{0} may hold a phrase: {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "\"graph kernel\"; true",
            "graph-based; true",
            "o'neil; true",
            "graph kernel; false",
            "graph -quantum; false",
            "graph or kernel; false",
            "x2; false"})
    void onlyQuotesAndSplitWordsMayMakeAPhrase(String q, boolean phrase) {
        assertThat(PhrasePairs.mayHoldPhrase(q)).isEqualTo(phrase);
    }

    @ParameterizedTest(name = "{0} is plain words: {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "graph kernel methods; true",
            "Attention Is All You Need; true",
            "graph-based methods; true",      // a split word is words too
            "o'neil kernels; true",
            "deep learning 2020; true",
            "graph kernel; false",            // two words: one pair, whose key hundreds of works share
            "graph-based; false",
            "graph; false",
            "x2; false",
            "\"graph kernel methods\"; false", // quoted: a phrase already
            "graph kernel methods\"; false",
            "graph kernel -quantum; false",   // negation
            "-graph kernel methods; false",
            "graph or kernel methods; false", // or, any case
            "graph OR kernel methods; false",
            "or kernel methods; false",
            "graph orbit kernels; true",      // words that only begin with or
            "graph oriented kernels; true",
            "graph kernel methods-; true"})   // a dash that begins no word negates nothing
    void onlyThreeOrMoreWordsWithoutOperatorsArePlain(String q, boolean plain) {
        assertThat(PhrasePairs.isPlain(q)).isEqualTo(plain);
    }
}
