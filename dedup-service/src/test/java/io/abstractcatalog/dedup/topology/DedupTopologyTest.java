package io.abstractcatalog.dedup.topology;

import static io.abstractcatalog.dedup.RawRecords.record;
import static io.abstractcatalog.dedup.RawRecords.withBibliography;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.contract.WorkMatch;
import io.abstractcatalog.dedup.eval.Datasets;
import io.abstractcatalog.dedup.eval.InMemoryResolver;
import io.abstractcatalog.dedup.eval.LabelledSet;
import io.abstractcatalog.dedup.eval.SyntheticDuplicates;
import io.abstractcatalog.dedup.match.MatchConfig;
import io.abstractcatalog.dedup.match.PairMatcher;
import io.abstractcatalog.dedup.merge.WorkId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class DedupTopologyTest {

    private static final String SPN = "Sum-product networks (SPNs) are probabilistic models characterized by exact and "
            + "fast evaluation of fundamental probabilistic operations. Its superior computational tractability has led "
            + "to applications in many fields, such as machine learning with time constraints or accuracy requirements.";
    private static final String MUP = "To provide theoretical and quantitative insights, we introduce the maximal update "
            + "parameterization ($\\mu$P) in the infinite-width limit for two representative designs of local targets: "
            + "predictive coding and target propagation. We verify that $\\mu$P enables hyperparameter transfer across "
            + "models with different widths.";
    private static final LabelledSet SAMPLES = Datasets.samples();

    @Test
    void exactDuplicatesFromTwoFilesBecomeOneWorkWithTwoSources() {
        WorksTopicView view = run(List.of(
                record("000.txt", 0, null, "Abstract:" + SPN, "The University of Tokyo"),
                record("001.txt", 4, null, SPN, "The University of Tokyo"),
                record("002.txt", 0, null, "Local learning trains a network layer by layer with local targets.")));

        assertThat(view.works()).hasSize(2);
        Work spn = view.works().values().stream().filter(w -> w.memberCount() == 2).findFirst().orElseThrow();
        assertThat(spn.affiliations()).containsExactly("The University of Tokyo");
        assertThat(spn.sources()).extracting(s -> s.source().key()).containsExactlyInAnyOrder("000.txt", "001.txt");
        assertThat(spn.version()).isEqualTo(2);
    }

    @Test
    void nearDuplicatesMergeLatexUnicodeHyphenationAndATruncatedCopy() {
        String unicode = MUP.replace("$\\mu$P", "μP").replace("infinite-width", "infi-\nnite-width");
        String truncated = MUP.substring(0, MUP.indexOf("We verify")) + "...";
        WorksTopicView view = run(List.of(record("a.txt", 0, null, MUP), record("b.txt", 0, null, unicode),
                record("c.txt", 0, null, "Abstract: " + truncated + " © 2024 Elsevier B.V. All rights reserved.")));

        assertThat(view.works()).hasSize(1);
        assertThat(view.works().values().iterator().next().memberCount()).isEqualTo(3);
    }

    @Test
    void theSmallestRecordIdNamesTheWorkAndTheOtherIdIsRedirected() {
        RawRecord first = record("a.txt", 0, null, SPN);
        RawRecord second = record("b.txt", 0, null, SPN.toUpperCase());
        RawRecord smaller = first.recordId().compareTo(second.recordId()) < 0 ? first : second;
        RawRecord larger = smaller == first ? second : first;

        WorksTopicView view = run(List.of(larger, smaller)); // the larger id arrives first and gets a work

        assertThat(view.works()).containsOnlyKeys(WorkId.ofRoot(smaller.recordId()));
        assertThat(view.redirects()).containsExactly(Map.entry(WorkId.ofRoot(larger.recordId()), WorkId.ofRoot(smaller.recordId())));
    }

    @Test
    void conflictingDoisVetoAndGenericTitlesNeverMatchAlone() {
        RawRecord withDoi = new RawRecord(null, "r-1", null, null, "A study of things", SPN, null, null, "10.1000/a", null, 2020, null, null, null, null);
        RawRecord otherDoi = new RawRecord(null, "r-2", null, null, "A study of things", SPN, null, null, "https://doi.org/10.1000/B", null, 2020, null, null, null, null);
        RawRecord editorialA = new RawRecord(null, "r-3", null, null, "Editorial", null, null, null, null, null, 2020, null, null, null, null);
        RawRecord editorialB = new RawRecord(null, "r-4", null, null, "Editorial", null, null, null, null, null, 2020, null, null, null, null);

        assertThat(run(List.of(withDoi, otherDoi, editorialA, editorialB)).works()).hasSize(4);
    }

    @Test
    void recordsWithoutAbstractJoinTheirWorkOnTitleAuthorsAndIdentifiers() {
        RawRecord full = withBibliography(record("a.bib", 0, "Sum-product networks: a new deep architecture", SPN),
                List.of("Poon, Hoifung", "Domingos, Pedro"), 2011, "ICCV Workshops", null, null, null);
        RawRecord noAbstract = withBibliography(record("b.ris", 0, "Sum-Product Networks: A New Deep Architecture.", null),
                List.of("Hoifung Poon", "Pedro Domingos"), 2011, null, "10.1109/ICCVW.2011.6130310", null, null);
        RawRecord blankAbstract = withBibliography(record("c.csv", 0, null, "   "), List.of(), null, null,
                "https://doi.org/10.1109/iccvw.2011.6130310", null, null);
        RawRecord otherWork = withBibliography(record("d.bib", 0, "Sum-product networks: a new deep architecture", null),
                List.of("Smith, John"), 2011, null, null, null, null);

        WorksTopicView view = run(List.of(blankAbstract, otherWork, noAbstract, full));

        assertThat(view.membership().values()).containsExactlyInAnyOrder(
                new TreeSet<>(List.of(full.recordId(), noAbstract.recordId(), blankAbstract.recordId())),
                new TreeSet<>(List.of(otherWork.recordId())));
        Work work = view.works().values().stream().filter(w -> w.memberCount() == 3).findFirst().orElseThrow();
        assertThat(work.identifiers().doi()).containsExactly("10.1109/iccvw.2011.6130310");
    }

    @Test
    void differentAbstractsStaySeparateEvenWithTheSameTitle() {
        WorksTopicView view = run(List.of(
                record("004.txt", 0, "Introduction", "First paper text about graphs."),
                record("004.txt", 1, "Introduction", "Second paper text about fluids.")));

        assertThat(view.works()).hasSize(2);
    }

    @Test
    void theSampleFilesGive302WorksFrom307RecordsAndOnlyTheFiveExactDuplicatesMerge() {
        WorksTopicView view = run(SAMPLES.records());

        assertThat(SAMPLES.records()).hasSize(307);
        assertThat(view.works()).hasSize(302);
        List<Work> merged = view.works().values().stream().filter(w -> w.memberCount() > 1).toList();
        assertThat(merged).hasSize(5).allSatisfy(w -> {
            assertThat(w.memberCount()).isEqualTo(2);
            assertThat(w.matches().count()).isEqualTo(1);
            WorkMatch pair = w.matches().pairs().get(0);
            assertThat(pair.rule()).isEqualTo("SAME_FINGERPRINT");
            assertThat(pair.abstractJaccard()).isEqualTo(1.0);
            assertThat(List.of(pair.recordA(), pair.recordB())).containsExactlyElementsOf(
                    w.sources().stream().map(s -> s.recordId()).sorted().toList());
            assertThat(w.sources()).extracting(s -> s.source().key())
                    .containsExactlyInAnyOrder("000_763c6eb23b8e6730.txt", "001_404e3f05a329715c.txt");
        });
    }

    @Test
    void aRecordWithoutAbstractJoinsTheWorkWithItsDoiAndOneWithoutTwinStandsAloneWithoutAbstract() {
        RawRecord withAbstract = withBibliography(record("a.txt", 0, "Sum-product networks: a new deep architecture", SPN),
                List.of("Hoifung Poon"), 2011, null, "10.1109/ICCVW.2011.6130310", null, null);
        RawRecord twin = withBibliography(record("refs.bib", 0, "Sum-Product Networks: A New Deep Architecture", null),
                List.of("Poon, Hoifung", "Domingos, Pedro"), 2011, "ICCV Workshops", "https://doi.org/10.1109/iccvw.2011.6130310",
                null, null);
        RawRecord alone = withBibliography(record("refs.bib", 1, "Deep learning", null),
                List.of("LeCun, Yann", "Bengio, Yoshua"), 2015, "Nature", null, null, null);

        for (List<RawRecord> order : List.of(List.of(withAbstract, twin, alone), List.of(alone, twin, withAbstract))) {
            WorksTopicView view = run(order);

            assertThat(view.works()).hasSize(2);
            Work joined = view.works().values().stream().filter(w -> w.memberCount() == 2).findFirst().orElseThrow();
            assertThat(joined.abstractText()).isEqualTo(SPN);
            assertThat(joined.authors()).extracting(a -> a.family()).containsExactly("Poon", "Domingos");
            assertThat(joined.venue()).isEqualTo("ICCV Workshops");
            Work single = view.works().values().stream().filter(w -> w.memberCount() == 1).findFirst().orElseThrow();
            assertThat(single.title()).isEqualTo("Deep learning");
            assertThat(single.abstractText()).isNull();
        }
    }

    @Test
    void everyAcceptedPairOfAWorkIsPublishedWithItsRuleAndEvidenceWhateverTheOrder() {
        RawRecord a = record("a.txt", 0, null, SPN);
        RawRecord b = record("b.txt", 0, null, SPN.toUpperCase());
        RawRecord c = record("c.txt", 0, null, SPN.replace("probabilistic models", "probabilistic  models"));
        List<String> ids = new ArrayList<>(List.of(a.recordId(), b.recordId(), c.recordId()));
        Collections.sort(ids);

        for (List<RawRecord> order : List.of(List.of(a, b, c), List.of(c, b, a), List.of(b, c, a, b, c))) {
            Work work = run(order).works().values().iterator().next();

            // three copies: union-find needs two of the pairs, the third is verified and listed as well
            assertThat(work.matches().count()).isEqualTo(3);
            assertThat(work.matches().pairs()).extracting(WorkMatch::recordA, WorkMatch::recordB).containsExactly(
                    tuple(ids.get(0), ids.get(1)), tuple(ids.get(0), ids.get(2)), tuple(ids.get(1), ids.get(2)));
            assertThat(work.matches().pairs()).allSatisfy(pair -> {
                assertThat(pair.rule()).isEqualTo("SAME_FINGERPRINT");
                assertThat(pair.abstractJaccard()).isEqualTo(1.0);
                assertThat(pair.titleRelation()).isEqualTo("ABSENT");
                assertThat(pair.matcherVersion()).isEqualTo(PairMatcher.VERSION);
            });
        }
    }

    @Test
    void aPairJoinedOnTitleAndAuthorsCarriesTheAuthorsAndYearsItSaw() {
        RawRecord preprint = withBibliography(record("a.bib", 0, "Sum-product networks: a new deep architecture",
                SPN.substring(0, 100)), List.of("Poon, Hoifung", "Domingos, Pedro"), 2011, "arXiv", null, "1202.3732", null);
        RawRecord published = withBibliography(record("b.ris", 0, "Sum-Product Networks: A New Deep Architecture.",
                MUP), List.of("Hoifung Poon", "Pedro Domingos"), 2012, "ICCV Workshops", "10.1109/ICCVW.2011.6130310", null, null);

        Work work = run(List.of(published, preprint)).works().values().iterator().next();

        assertThat(work.memberCount()).isEqualTo(2);
        WorkMatch pair = work.matches().pairs().get(0);
        assertThat(pair.rule()).isEqualTo("SAME_TITLE_AUTHORS");
        assertThat(pair.titleRelation()).isEqualTo("EQUAL");
        assertThat(pair.sharedAuthors()).isEqualTo(2);
        assertThat(List.of(pair.yearA(), pair.yearB())).containsExactlyInAnyOrder(2011, 2012);
        assertThat(pair.sameVenue()).isFalse();
    }

    @Test
    void aReplayedRecordPublishesNothing() {
        RawRecord record = record("000.txt", 0, null, SPN);
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, RawRecord> raw = rawTopic(driver);
            TestOutputTopic<String, WorkEvent> works = worksTopic(driver);
            raw.pipeInput(record.recordId(), record);
            assertThat(works.readValuesToList()).hasSize(1);

            raw.pipeInput(record.recordId(), record);

            assertThat(works.isEmpty()).isTrue();
        }
    }

    @Test
    void invalidJsonIsSkippedAndTheStreamGoesOn() {
        RawRecord record = record("000.txt", 0, null, SPN);
        try (TopologyTestDriver driver = driver()) {
            driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new StringSerializer()).pipeInput("bad", "{not json");
            rawTopic(driver).pipeInput(record.recordId(), record);

            assertThat(worksTopic(driver).readValuesToList()).hasSize(1);
        }
    }

    /**
     * Random edit scripts over real abstracts (the sample files): near-duplicates with dropped sentences,
     * truncation, LaTeX ↔ Unicode, typos, hyphenation, revisions, HTML and boilerplate, and bibliographic entries
     * without abstract (some sharing their base's DOI). The same records in any
     * order, with any replays, give the same works — membership, surviving ids and merged content — and the same
     * clusters as the in-memory reference.
     */
    @Property(tries = 25)
    void anyArrivalOrderWithReplaysGivesTheSameWorks(@ForAll @IntRange(min = 0, max = 100_000) int seed) {
        Random random = new Random(seed);
        List<String> bases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bases.add(SAMPLES.records().get(random.nextInt(SAMPLES.records().size())).abstractText());
        }
        List<String> sentences = List.of("We also study the limits of this approach.", "Code is available online.");
        List<RawRecord> records = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int baseIndex = random.nextInt(bases.size());
            String base = bases.get(baseIndex);
            String text = random.nextInt(3) == 0 ? base : SyntheticDuplicates.edit(base, random, sentences);
            // a bibliographic entry without abstract: its base's DOI and title, or a title alone
            boolean withoutAbstract = random.nextInt(5) == 0;
            String title = withoutAbstract ? "Base work " + baseIndex : random.nextInt(4) == 0 ? "T" + i : null;
            String doi = withoutAbstract || random.nextInt(3) == 0
                    ? (random.nextInt(4) == 0 ? null : "10.5555/base." + baseIndex) : null;
            RawRecord plain = record("f" + random.nextInt(4) + ".txt", i, title, withoutAbstract ? null : text,
                    "U" + random.nextInt(2));
            // bibliographic fields, some of which decide matches (authors, years): the decisions stay pure, so the
            // order still cannot matter
            List<String> authors = List.of("Ada Lovelace", "Lovelace, A.", "Alan Turing", "Grace Hopper")
                    .subList(0, random.nextInt(5));
            records.add(withBibliography(plain, authors, random.nextBoolean() ? 2015 + random.nextInt(5) : null,
                    List.of("Nature", "nature", "arXiv", "Gut", "").get(random.nextInt(5)), doi, null,
                    random.nextInt(3) == 0 ? String.valueOf(1000 + random.nextInt(3)) : null));
        }
        WorksTopicView inOrder = run(records);

        List<RawRecord> shuffled = new ArrayList<>(records);
        shuffled.addAll(records.subList(0, random.nextInt(records.size()))); // replays
        Collections.shuffle(shuffled, random);
        WorksTopicView reordered = run(shuffled);

        assertThat(reordered.membership()).isEqualTo(inOrder.membership());
        // matches included: every accepted pair of a work, whatever order the records came in
        assertThat(reordered.worksWithoutVersion()).isEqualTo(inOrder.worksWithoutVersion());
        assertThat(inOrder.works().values()).allSatisfy(work -> {
            assertThat(work.matches().count()).as("a connected work has at least n-1 pairs")
                    .isGreaterThanOrEqualTo(work.memberCount() - 1);
            assertThat(work.matches().pairs()).allSatisfy(pair -> {
                assertThat(pair.recordA()).isLessThan(pair.recordB());
                assertThat(work.sources()).extracting(s -> s.recordId()).contains(pair.recordA(), pair.recordB());
            });
        });
        assertThat(new HashSet<>(inOrder.membership().values())).isEqualTo(reference(records));
    }

    private static Set<TreeSet<String>> reference(List<RawRecord> records) {
        InMemoryResolver resolver = new InMemoryResolver(MatchConfig.DEFAULTS);
        records.forEach(resolver::add);
        return new HashSet<>(resolver.clusters().values());
    }

    static WorksTopicView run(List<RawRecord> records) {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, RawRecord> raw = rawTopic(driver);
            records.forEach(r -> raw.pipeInput(r.recordId(), r));
            return WorksTopicView.of(worksTopic(driver).readValuesToList());
        }
    }

    @Test
    void aSchemaOneRecordAlreadyOnTheTopicIsMergedWithASchemaTwoCopy() {
        // As ingest-service published records before schema 2: authors as strings, a DOI as the file spelt it.
        String old = "{\"schema\":\"raw-record/1\",\"recordId\":\"r-old\",\"ingestedAt\":\"2026-11-01T10:00:00Z\","
                + "\"title\":\"Sum-product networks\",\"abstractText\":\"" + SPN + "\","
                + "\"authors\":[\"Poon, Hoifung\",\"Pedro Domingos\"],\"doi\":\"https://doi.org/10.1109/ICCVW.2011.6130310\","
                + "\"year\":2011}";
        RawRecord current = withBibliography(record("new.txt", 0, "Sum-product networks", SPN), List.of("Hoifung Poon"),
                2012, "ICCV Workshops", "10.1109/iccvw.2011.6130310", null, null);
        try (TopologyTestDriver driver = driver()) {
            driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new StringSerializer()).pipeInput("r-old", old);
            rawTopic(driver).pipeInput(current.recordId(), current);

            WorksTopicView view = WorksTopicView.of(worksTopic(driver).readValuesToList());

            assertThat(view.works()).hasSize(1);
            Work work = view.works().values().iterator().next();
            assertThat(work.memberCount()).isEqualTo(2);
            assertThat(work.authors()).extracting(a -> a.family()).containsExactly("Poon", "Domingos");
            assertThat(work.year()).isEqualTo(2011);
            assertThat(work.venue()).isEqualTo("ICCV Workshops");
            assertThat(work.identifiers().doi()).containsExactly("10.1109/iccvw.2011.6130310");
        }
    }

    private static TopologyTestDriver driver() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                org.apache.kafka.streams.errors.LogAndContinueExceptionHandler.class);
        // keys grouped as for a 4-partition raw topic; the driver runs every partition's messages through one task
        return new TopologyTestDriver(DedupTopology.build(MatchConfig.DEFAULTS, Stores::inMemoryKeyValueStore, 4), config);
    }

    @Test
    void kafkaStreamsWaitsForTheContractsRawTopic() throws java.io.IOException {
        // quarkus.kafka-streams.topics must be a literal in application.properties; it has to follow the contract's name.
        Properties properties = new Properties();
        try (var in = DedupTopology.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }

        assertThat(properties.getProperty("quarkus.kafka-streams.topics")).isEqualTo(Topics.RAW.name());
    }

    private static TestInputTopic<String, RawRecord> rawTopic(TopologyTestDriver driver) {
        return driver.createInputTopic(Topics.RAW.name(), Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
    }

    private static TestOutputTopic<String, WorkEvent> worksTopic(TopologyTestDriver driver) {
        return driver.createOutputTopic(Topics.WORKS.name(), Topics.WORKS.keySerde().deserializer(), Topics.WORKS.valueSerde().deserializer());
    }
}
