package io.abstractcatalog.dedup.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.dedup.match.PairMatcher.Rule;
import io.abstractcatalog.dedup.normalize.NormalizedRecord;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The traps real catalogs set for a matcher (issue "Matching on all the evidence"): each row a pair of records, the
 * rule that must decide it and whether they are one work. Checked both ways round: the decision is one value.
 */
class MatchTrapsTest {

    private static final String PAPER = "We study how online labour platforms reshape the employment relation. Drawing on "
            + "interviews with forty crowdworkers and the terms of service of six platforms, we show that algorithmic "
            + "management shifts the risks of work onto the workers while keeping control with the platform. We discuss "
            + "what this means for labour law, for collective bargaining and for the measurement of platform work in "
            + "official statistics, and we propose three indicators that national statistical offices could adopt.";
    private static final String OTHER = "Looped transformers offer advantages in parameter efficiency and Turing "
            + "completeness. However, their expressive power for function approximation and approximation rate remains "
            + "underexplored in the literature so far, and we close this gap with a constructive proof for sequences.";
    private static final String FURNITURE = "Skip to main content. Cited by: 12. Download PDF. Access through your "
            + "institution. We use cookies to improve your experience on our site.";
    private static final String NOTICE = "This article is part of the special issue on digital labour published by "
            + "Emerald Group Publishing in 2019 and is distributed to subscribers under the publisher licence terms.";
    private static final String EDITORIAL_2019 = "This issue brings together five papers on supply chain resilience "
            + "after the floods, with contributions from operations research and economic geography on rerouting.";
    private static final String EDITORIAL_2020 = "Welcome to the new volume of the journal, in which we introduce two "
            + "new associate editors and announce a special issue on quantum sensing for medical imaging devices.";
    private static final List<String> WORKERS = List.of("Wood, Alex J.", "Graham, Mark", "Lehdonvirta, Vili");

    static Stream<Arguments> traps() {
        return Stream.of(
                trap("generic title, different years, authors and text", Rule.YEARS_APART,
                        rec("Editorial", EDITORIAL_2019, List.of("Smith, J."), 2015, "Journal of Operations"),
                        rec("Editorial", EDITORIAL_2020, List.of("Jones, K."), 2020, "Physics Letters")),
                trap("generic title, same year, no authors, no text", Rule.NO_EVIDENCE,
                        rec("Editorial", null, List.of(), 2020, "Nature"), rec("Editorial", null, List.of(), 2020, "Nature")),
                trap("generic title with the same author and year is not enough alone", Rule.NO_EVIDENCE,
                        rec("Guest editor's introduction", null, List.of("Smith, J."), 2020, "Gut"),
                        rec("Guest Editor's Introduction", null, List.of("Smith, J."), 2020, "Gut")),
                trap("book reviews of different reviewers", Rule.AUTHORS_DISJOINT,
                        rec("Book reviews", null, List.of("Brown, A."), 2021, "Isis"),
                        rec("Book Reviews", null, List.of("Green, B."), 2021, "Isis")),
                trap("short notices, different texts", Rule.DIFFERENT_ABSTRACT,
                        rec("Short notices", EDITORIAL_2019, List.of(), 2019, "Isis"),
                        rec("Short notices", EDITORIAL_2020, List.of(), 2019, "Isis")),
                trap("Part I and Part II by the same authors", Rule.TITLE_NUMBERS_DIFFER,
                        rec("Algorithmic management on labour platforms, Part I", PAPER, WORKERS, 2019, null),
                        rec("Algorithmic management on labour platforms, Part II", PAPER + " Second part.", WORKERS, 2019, null)),
                trap("page furniture as the abstract under two titles", Rule.NO_EVIDENCE,
                        rec("Deep learning for protein folding prediction", FURNITURE, List.of(), 2021, null),
                        rec("Deep learning for medical image segmentation", FURNITURE, List.of(), 2021, null)),
                trap("one publisher notice as the abstract under two titles", Rule.TITLES_DIFFER,
                        rec("Platform work and the gig economy in Europe", NOTICE, List.of(), 2019, null),
                        rec("Platform work and collective bargaining in Asia", NOTICE, List.of(), 2019, null)),
                trap("same title and authors, PDF-cut abstracts (100 chars / running header + 1,000)", Rule.SAME_TITLE_AUTHORS,
                        rec("Algorithmic management on labour platforms", PAPER.substring(0, 100), WORKERS, 2019, null),
                        rec("Algorithmic Management on Labour Platforms.", "Journal of Information Technology (2019) 34, "
                                + "12-30 doi pending " + OTHER + " " + PAPER.substring(300), List.of("A. J. Wood", "M. Graham",
                                "V. Lehdonvirta"), 2019, null)),
                trap("arXiv preprint and journal version: edited abstract, year one apart", Rule.SAME_TITLE_AUTHORS,
                        withIds(rec("Algorithmic management on labour platforms", PAPER, WORKERS, 2018, "arXiv"),
                                null, "1805.01234v2", null),
                        withIds(rec("Algorithmic Management on Labour Platforms", "Online labour platforms reshape work. "
                                + OTHER, List.of("Wood, A.", "Graham, M.", "Lehdonvirta, V.", "et al."), 2019, "Work, "
                                + "Employment and Society"), "10.1177/0950017018785616", null, null)),
                trap("bioRxiv DOI and journal DOI do not conflict", Rule.SAME_TITLE_AUTHORS,
                        withIds(rec("Algorithmic management on labour platforms", PAPER, WORKERS, 2019, null),
                                "10.1101/2019.12.11.123456", null, null),
                        withIds(rec("Algorithmic management on labour platforms", OTHER, WORKERS, 2020, null),
                                "10.1177/0950017018785616", null, null)),
                trap("two chapters under their volume's DOI", Rule.TITLE_CONFLICT,
                        withIds(rec("Platform cooperativism in Spain and Italy", null, List.of(), 2020, null),
                                "10.1007/978-3-030-12345-6", null, null),
                        withIds(rec("Measuring remote gig work with survey panels", null, List.of(), 2020, null),
                                "10.1007/978-3-030-12345-6", null, null)),
                trap("two article DOIs veto", Rule.DOI_CONFLICT,
                        withIds(rec("Algorithmic management on labour platforms", PAPER, WORKERS, 2019, null),
                                "10.1177/1", null, null),
                        withIds(rec("Algorithmic management on labour platforms", PAPER, WORKERS, 2019, null),
                                "10.1177/2", null, null)),
                trap("two PMIDs veto", Rule.PMID_CONFLICT,
                        withIds(rec("Algorithmic management on labour platforms", PAPER, WORKERS, 2019, null), null, null, "111"),
                        withIds(rec("Algorithmic management on labour platforms", PAPER, WORKERS, 2019, null), null, null, "222")),
                trap("the same PMID merges", Rule.SAME_PMID,
                        withIds(rec("Algorithmic management on labour platforms", null, List.of(), 2019, null), null, null, "111"),
                        withIds(rec(null, OTHER, List.of(), null, null), null, null, "PMID: 111")),
                trap("a record without abstract joins its work on title and authors", Rule.SAME_TITLE_AUTHORS,
                        rec("Algorithmic management on labour platforms", PAPER, WORKERS, 2019, null),
                        rec("Algorithmic management on labour platforms", "  ", List.of("Wood AJ", "Graham M"), 2019, null)),
                trap("a title with a running head extracted in front, same authors", Rule.SAME_TITLE_AUTHORS,
                        rec("Algorithmic management on labour platforms", null, WORKERS, 2019, null),
                        rec("Work Employment and Society Vol 33 Algorithmic management on labour platforms", null,
                                List.of("Wood, A.", "Graham, M."), 2019, null)),
                trap("one word apart in a short title by the same author: two papers", Rule.DIFFERENT_ABSTRACT,
                        rec("Stability of a finite volume scheme for incompressible fluids", PAPER, List.of("Zimmermann, S."), 2007, null),
                        rec("Convergence of a finite volume scheme for incompressible fluids", OTHER, List.of("Zimmermann, S."), 2007, null)),
                trap("a record without abstract nor authors joins on its title", Rule.SAME_TITLE,
                        rec("Algorithmic management on labour platforms", PAPER, WORKERS, 2019, null),
                        rec("Algorithmic management on labour platforms", null, List.of(), 2020, null)),
                trap("complete author lists with no one in common", Rule.AUTHORS_DISJOINT,
                        rec("Algorithmic management on labour platforms", PAPER, WORKERS, 2019, null),
                        rec("Algorithmic management on labour platforms", PAPER, List.of("Kässi, Otto", "Hadley, Chris"), 2019, null)),
                trap("a cut author list cannot prove disjoint authors", Rule.SAME_FINGERPRINT,
                        rec("Algorithmic management on labour platforms", PAPER, WORKERS, 2019, null),
                        rec("Algorithmic management on labour platforms", PAPER, List.of("Kässi, Otto", "others"), 2019, null)),
                trap("names written family-first on one side: no veto, the title decides", Rule.SAME_TITLE,
                        rec("Risk control of online services market segmentation", null, List.of("Wang, Xiaoguang", "Liu, Junping"), 2007, null),
                        rec("Risk control of online services market segmentation", null, List.of("Xiaoguang, W.", "Junping, L."), 2007, null)),
                trap("same title and authors, years far apart", Rule.YEARS_APART,
                        rec("Algorithmic management on labour platforms", null, WORKERS, 2009, null),
                        rec("Algorithmic management on labour platforms", null, WORKERS, 2019, null)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("traps")
    void decidesTheTrap(String name, Rule expected, RawRecord a, RawRecord b) {
        RecordSummary x = summary(a);
        RecordSummary y = summary(b);

        PairDecision decision = PairMatcher.decide(x, y, MatchConfig.DEFAULTS);

        assertThat(decision.rule()).as(decision.toString()).isEqualTo(expected);
        assertThat(decision.merged()).isEqualTo(expected.merges);
        assertThat(decision.matcherVersion()).isEqualTo(PairMatcher.VERSION);
        assertThat(PairMatcher.decide(y, x, MatchConfig.DEFAULTS)).as("one value either way round").isEqualTo(decision);
    }

    private static int ids;

    private static Arguments trap(String name, Rule expected, RawRecord a, RawRecord b) {
        return Arguments.of(name, expected, a, b);
    }

    private static RawRecord rec(String title, String abstractText, List<String> authors, Integer year, String venue) {
        return new RawRecord(null, "r-" + (ids++), null, null, title, abstractText, null,
                authors.stream().map(Author::parse).toList(), null, null, year, null, venue, null, null);
    }

    private static RawRecord withIds(RawRecord r, String doi, String arxiv, String pmid) {
        return new RawRecord(null, r.recordId(), null, null, r.title(), r.abstractText(), null, r.authors(), doi, arxiv,
                r.year(), null, r.venue(), pmid, null);
    }

    private static RecordSummary summary(RawRecord raw) {
        return RecordFeatures.of(NormalizedRecord.of(raw), MatchConfig.DEFAULTS).summary();
    }
}
