package io.abstractcatalog.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final SourceRef SOURCE =
            new SourceRef("bucket", "000.txt", "abc", "affiliation-page", 3, 5, null);

    @Test
    void rawRecordRoundTripsWithSchemaAndIsoTimes() {
        RawRecord record = new RawRecord(null, "r-1", SOURCE, Instant.parse("2026-11-23T10:00:00Z"), null,
                "We show $\\mu$P works.", List.of("The University of Tokyo"), null, null, null, null, null);

        byte[] json = EventJson.write(record);

        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"schema\":\"raw-record/1\"", "\"ingestedAt\":\"2026-11-23T10:00:00Z\"")
                .doesNotContain("\"title\"");
        assertThat(EventJson.read(json, RawRecord.class)).isEqualTo(record);
    }

    @Test
    void unknownFieldsFromNewerProducersAreIgnored() {
        byte[] json = "{\"schema\":\"raw-record/2\",\"recordId\":\"r-1\",\"abstractText\":\"x\",\"novel\":1}"
                .getBytes(StandardCharsets.UTF_8);

        RawRecord record = EventJson.read(json, RawRecord.class);

        assertThat(record.recordId()).isEqualTo("r-1");
        assertThat(record.affiliations()).isEmpty();
    }

    @Test
    void malformedJsonSaysWhichEventItIsNot() {
        assertThatThrownBy(() -> EventJson.read("{".getBytes(StandardCharsets.UTF_8), WorkEvent.class))
                .hasMessageContaining("not a valid WorkEvent");
    }

    @Test
    void workEventsRoundTrip() {
        Work work = new Work("w-1", 2, "T", "A", List.of("U"), new Identifiers(List.of("10.1/x"), List.of()),
                List.of(new WorkSource("r-1", SOURCE, Instant.EPOCH)), 1, Instant.EPOCH, Instant.EPOCH);

        assertThat(EventJson.read(EventJson.write(WorkEvent.upserted(work)), WorkEvent.class).work()).isEqualTo(work);
        assertThat(EventJson.read(EventJson.write(WorkEvent.redirected("w-2", 3, "w-1")), WorkEvent.class))
                .isEqualTo(new WorkEvent(WorkEvent.SCHEMA, WorkEvent.Type.REDIRECTED, "w-2", 3, null, "w-1"));
    }
}
