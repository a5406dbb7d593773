package io.abstractcatalog.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.dedup.match.PairMatcher.Rule;
import io.abstractcatalog.dedup.normalize.NormalizedRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PairMatcherTest {

    private static final String A = "We introduce the maximal update parameterization in the infinite-width limit for two "
            + "representative designs of local targets: predictive coding and target propagation. We verify that it "
            + "enables hyperparameter transfer across models with different widths and depths.";
    private static final String OTHER = "Looped transformers offer advantages in parameter efficiency and Turing "
            + "completeness. However, their expressive power for function approximation and approximation rate remains "
            + "underexplored in the literature so far.";

    /** Columns: case | title A | abstract A | DOI A | arXiv A | year A | title B | abstract B | DOI B | arXiv B | year B | decision. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            same DOI, different text      | -                    | A     | 10.1000/x | -          | -    | -                    | OTHER | https://doi.org/10.1000/X | - | -    | SAME_DOI
            conflicting DOIs veto         | -                    | A     | 10.1000/x | -          | -    | -                    | A     | 10.1000/y | -          | -    | DOI_CONFLICT
            arXiv versions match          | -                    | OTHER | -         | 2101.00001v1 | -  | -                    | A     | -         | arXiv:2101.00001v3 | - | SAME_ARXIV
            arXiv DOI is not a DOI veto   | -                    | A     | 10.48550/arXiv.2101.00001 | - | - | -                  | A     | 10.1000/y | 2101.00001 | -    | SAME_ARXIV
            conflicting arXiv ids veto    | -                    | A     | -         | 2101.00001 | -    | -                    | A     | -         | 2101.00002 | -    | ARXIV_CONFLICT
            exact copy                    | -                    | A     | -         | -          | -    | -                    | A     | -         | -          | -    | SAME_FINGERPRINT
            near copy                     | -                    | A     | -         | -          | -    | -                    | A_EDITED | -      | -          | -    | SIMILAR_ABSTRACT
            truncated copy                | -                    | A_LONG | -        | -          | -    | -                    | A     | -         | -          | -    | CONTAINED_ABSTRACT
            different papers              | -                    | A     | -         | -          | -    | -                    | OTHER | -         | -          | -    | DIFFERENT_ABSTRACT
            same abstract, unrelated titles | Maximal update parameterization for local learning | A | - | - | - | Big data analytics in human resource management | A | - | - | - | TITLE_CONFLICT
            same title, no abstract       | Local learning with maximal updates | - | - | -      | 2020 | Local Learning with Maximal Updates. | - | - | -  | 2021 | SAME_TITLE
            same title, years apart       | Local learning with maximal updates | - | - | -      | 2015 | Local learning with maximal updates | -   | - | -  | 2020 | YEARS_APART
            generic title never alone     | Editorial notes      | -     | -         | -          | 2020 | Editorial notes      | -     | -         | -          | 2020 | NO_EVIDENCE
            short texts need an identifier | -                   | SHORT | -         | -          | -    | -                    | SHORT_EDITED | -  | -          | -    | NO_EVIDENCE
            """)
    void decides(String name, String titleA, String abstractA, String doiA, String arxivA, Integer yearA,
                 String titleB, String abstractB, String doiB, String arxivB, Integer yearB, Rule expected) {
        RecordSummary a = summary("r-a", titleA, text(abstractA), doiA, arxivA, yearA);
        RecordSummary b = summary("r-b", titleB, text(abstractB), doiB, arxivB, yearB);

        assertThat(PairMatcher.decide(a, b, MatchConfig.DEFAULTS).rule()).isEqualTo(expected);
        assertThat(PairMatcher.decide(b, a, MatchConfig.DEFAULTS)).as("symmetric").isEqualTo(PairMatcher.decide(a, b, MatchConfig.DEFAULTS));
    }

    private static String text(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "A" -> A;
            case "A_EDITED" -> A.replace("predictive", "predicitve").replace("We verify that it", "It")
                    .replace("widths and depths", "widths and depths, and we release code");
            case "A_LONG" -> A + " " + OTHER + " Further experiments on vision and language confirm the transfer at scale.";
            case "OTHER" -> OTHER;
            case "SHORT" -> "Deep nets generalize well.";
            case "SHORT_EDITED" -> "Deep nets generalize so well.";
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static RecordSummary summary(String id, String title, String abstractText, String doi, String arxiv, Integer year) {
        RawRecord raw = new RawRecord(null, id, null, null, title, abstractText, null, null, doi, arxiv, year, null, null, null, null);
        return RecordFeatures.of(NormalizedRecord.of(raw), MatchConfig.DEFAULTS).summary();
    }
}
