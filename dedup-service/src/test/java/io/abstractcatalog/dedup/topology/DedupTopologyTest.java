package io.abstractcatalog.dedup.topology;

import static io.abstractcatalog.dedup.RawRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.abstractcatalog.contract.JsonSerde;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.contract.Work;
import io.abstractcatalog.contract.WorkEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class DedupTopologyTest {

    private static final String SPN = "Sum-product networks (SPNs) are probabilistic models.";

    @Test
    void exactDuplicatesFromTwoFilesBecomeOneWorkWithTwoSources() {
        Map<String, Work> works = run(List.of(
                record("000.txt", 0, null, "Abstract:" + SPN, "The University of Tokyo"),
                record("001.txt", 4, null, SPN, "The University of Tokyo"),
                record("002.txt", 0, null, "Local learning trains a network layer by layer.")));

        assertThat(works).hasSize(2);
        Work spn = works.values().stream().filter(w -> w.memberCount() == 2).findFirst().orElseThrow();
        assertThat(spn.affiliations()).containsExactly("The University of Tokyo");
        assertThat(spn.sources()).extracting(s -> s.source().key()).containsExactlyInAnyOrder("000.txt", "001.txt");
        assertThat(spn.version()).isEqualTo(2);
    }

    @Test
    void differentAbstractsStaySeparateEvenWithTheSameTitle() {
        Map<String, Work> works = run(List.of(
                record("004.txt", 0, "Introduction", "First paper text."),
                record("004.txt", 1, "Introduction", "Second paper text.")));

        assertThat(works).hasSize(2);
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
            driver.createInputTopic(Topics.RAW, new StringSerializer(), new StringSerializer()).pipeInput("bad", "{not json");
            rawTopic(driver).pipeInput(record.recordId(), record);

            assertThat(worksTopic(driver).readValuesToList()).hasSize(1);
        }
    }

    /** Same records, any order, any number of replays: the same final works, versions included. */
    @Property(tries = 40)
    void anyArrivalOrderGivesTheSameWorks(@ForAll @IntRange(min = 0, max = 10_000) int seed) {
        List<RawRecord> records = new ArrayList<>();
        Random random = new Random(seed);
        String[] texts = {SPN, "Transformers without positional encoding.", "Looped transformers.", "SOInter."};
        for (int i = 0; i < 12; i++) {
            String text = texts[random.nextInt(texts.length)];
            records.add(record("f" + random.nextInt(3) + ".txt", i, random.nextBoolean() ? "T" + text.length() : null,
                    random.nextBoolean() ? text : text.toUpperCase(), "U" + random.nextInt(2)));
        }
        Map<String, Work> inOrder = run(records);

        List<RawRecord> shuffled = new ArrayList<>(records);
        shuffled.addAll(records.subList(0, random.nextInt(records.size()))); // replays
        Collections.shuffle(shuffled, random);

        assertThat(run(shuffled)).isEqualTo(inOrder);
    }

    private static Map<String, Work> run(List<RawRecord> records) {
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, RawRecord> raw = rawTopic(driver);
            records.forEach(r -> raw.pipeInput(r.recordId(), r));
            Map<String, Work> latest = new java.util.TreeMap<>();
            worksTopic(driver).readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value.work()));
            return latest;
        }
    }

    private static TopologyTestDriver driver() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                org.apache.kafka.streams.errors.LogAndContinueExceptionHandler.class);
        return new TopologyTestDriver(DedupTopology.build(), config);
    }

    private static TestInputTopic<String, RawRecord> rawTopic(TopologyTestDriver driver) {
        return driver.createInputTopic(Topics.RAW, new StringSerializer(), JsonSerde.of(RawRecord.class));
    }

    private static TestOutputTopic<String, WorkEvent> worksTopic(TopologyTestDriver driver) {
        return driver.createOutputTopic(Topics.WORKS, new StringDeserializer(), JsonSerde.of(WorkEvent.class));
    }
}
