package io.abstractcatalog.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TopicsTest {

    static Stream<Arguments> topics() {
        return Stream.of(
                // topic, name, compacted, partitions with topics.partitions=1, =3, =12
                Arguments.of(Topics.RAW, "abstracts.raw", false, List.of(1, 3, 12)),
                Arguments.of(Topics.REJECTED, "abstracts.rejected", false, List.of(1, 3, 12)),
                Arguments.of(Topics.FILES, "ingest.files", true, List.of(1, 1, 1)),
                Arguments.of(Topics.WORKS, "works", true, List.of(1, 3, 12)));
    }

    @ParameterizedTest
    @MethodSource("topics")
    void eachTopicHasItsNameCleanupAndPartitionRule(Topic<?> topic, String name, boolean compacted, List<Integer> partitions) {
        assertThat(topic.name()).isEqualTo(name);
        assertThat(topic.compacted()).isEqualTo(compacted);
        assertThat(List.of(topic.partitions(1), topic.partitions(3), topic.partitions(12))).isEqualTo(partitions);
    }

    @Test
    void allListsEveryTopicOnceByDistinctNames() {
        assertThat(Topics.ALL).containsExactly(Topics.RAW, Topics.REJECTED, Topics.FILES, Topics.WORKS);
        assertThat(Topics.ALL.stream().map(Topic::name).distinct()).hasSize(Topics.ALL.size());
    }

    @Test
    void valueSerdeWritesTheSameBytesAsEventJsonAndReadsThemBack() {
        WorkEvent event = WorkEvent.redirected("w-2", 3, "w-1");

        byte[] bytes = Topics.WORKS.valueSerde().serializer().serialize(Topics.WORKS.name(), event);

        assertThat(bytes).isEqualTo(EventJson.write(event));
        assertThat(Topics.WORKS.valueSerde().deserializer().deserialize(Topics.WORKS.name(), bytes)).isEqualTo(event);
        assertThat(Topics.WORKS.keySerde().deserializer().deserialize("works", "w-2".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("w-2");
    }

    @Test
    void valueSerdeReadsOldSchemasAndPassesTombstonesThrough() {
        byte[] schemaOne = "{\"schema\":\"raw-record/1\",\"recordId\":\"r-1\",\"abstractText\":\"x\",\"authors\":[\"Yann LeCun\"]}"
                .getBytes(StandardCharsets.UTF_8);

        RawRecord record = Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), schemaOne);

        assertThat(record.recordId()).isEqualTo("r-1");
        assertThat(record.authors()).extracting(Author::name).containsExactly("Yann LeCun");
        assertThat(Topics.FILES.valueSerde().deserializer().deserialize(Topics.FILES.name(), null)).isNull();
        assertThat(Topics.FILES.valueSerde().serializer().serialize(Topics.FILES.name(), null)).isNull();
    }

    @Test
    void malformedValueFailsWithTheEventTypeItIsNot() {
        byte[] broken = "{not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Topics.REJECTED.valueSerde().deserializer().deserialize(Topics.REJECTED.name(), broken))
                .hasMessageContaining("not a valid Rejection");
    }

    @Test
    void aTopicNeedsAName() {
        assertThatThrownBy(() -> Topic.events(" ", RawRecord.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesAreWrittenAsIsoText() {
        Rejection rejection = new Rejection(null, "b", "k.txt", "h", 3, 7, "no abstract", "line 7", Instant.parse("2026-01-02T03:04:05Z"));

        String json = new String(Topics.REJECTED.valueSerde().serializer().serialize("x", rejection), StandardCharsets.UTF_8);

        assertThat(json).contains("2026-01-02T03:04:05Z");
    }
}
