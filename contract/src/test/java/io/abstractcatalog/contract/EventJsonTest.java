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
                "We show $\\mu$P works.", List.of("The University of Tokyo"), null, null, null, null, null, null, null, null);

        byte[] json = EventJson.write(record);

        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"schema\":\"raw-record/2\"", "\"ingestedAt\":\"2026-11-23T10:00:00Z\"")
                .doesNotContain("\"title\"");
        assertThat(EventJson.read(json, RawRecord.class)).isEqualTo(record);
    }

    @Test
    void unknownFieldsFromNewerProducersAreIgnored() {
        byte[] json = "{\"schema\":\"raw-record/3\",\"recordId\":\"r-1\",\"abstractText\":\"x\",\"novel\":1}"
                .getBytes(StandardCharsets.UTF_8);

        RawRecord record = EventJson.read(json, RawRecord.class);

        assertThat(record.recordId()).isEqualTo("r-1");
        assertThat(record.affiliations()).isEmpty();
    }

    @Test
    void aRecordAndAWorkWithoutAbstractLeaveItOutAndReadItBackAsNull() {
        RawRecord record = new RawRecord(null, "r-1", SOURCE, Instant.EPOCH, "Deep learning", null, null,
                List.of(Author.parse("Yann LeCun")), "10.1038/nature14539", null, 2015, null, "Nature", null, null);
        Work work = new Work("w-1", 1, "Deep learning", null, null, null, null, 1, Instant.EPOCH, Instant.EPOCH,
                null, 2015, "Nature", null);

        String recordJson = new String(EventJson.write(record), StandardCharsets.UTF_8);
        String workJson = new String(EventJson.write(WorkEvent.upserted(work)), StandardCharsets.UTF_8);

        // same schema versions: the field was always a nullable string, and is left out when null
        assertThat(recordJson).contains("\"schema\":\"raw-record/2\"").doesNotContain("abstractText");
        assertThat(workJson).contains("\"schema\":\"" + WorkEvent.SCHEMA + "\"").doesNotContain("abstractText");
        assertThat(EventJson.read(recordJson.getBytes(StandardCharsets.UTF_8), RawRecord.class)).isEqualTo(record);
        assertThat(EventJson.read(workJson.getBytes(StandardCharsets.UTF_8), WorkEvent.class).work()).isEqualTo(work);
        assertThat(EventJson.read("{\"recordId\":\"r-2\",\"abstractText\":null}".getBytes(StandardCharsets.UTF_8),
                RawRecord.class).abstractText()).isNull();
    }

    @Test
    void aLedgerEntryWrittenBeforeTheCountOfRecordsWithoutAbstractReadsZero() {
        byte[] old = ("{\"schema\":\"file-ledger/1\",\"bucket\":\"local\",\"key\":\"a.bib\",\"status\":\"DONE\","
                + "\"records\":3,\"rejections\":0}").getBytes(StandardCharsets.UTF_8);
        FileLedgerEntry entry = FileLedgerEntry.done("local", "b.bib", "abc", 10, "bibtex", 3, 0, List.of(),
                Instant.EPOCH, 2);

        assertThat(EventJson.read(old, FileLedgerEntry.class).withoutAbstract()).isZero();
        assertThat(new String(EventJson.write(entry), StandardCharsets.UTF_8)).contains("\"withoutAbstract\":2");
        assertThat(EventJson.read(EventJson.write(entry), FileLedgerEntry.class)).isEqualTo(entry);
    }

    @Test
    void malformedJsonSaysWhichEventItIsNot() {
        assertThatThrownBy(() -> EventJson.read("{".getBytes(StandardCharsets.UTF_8), WorkEvent.class))
                .hasMessageContaining("not a valid WorkEvent");
    }

    @Test
    void workEventsRoundTrip() {
        Work work = new Work("w-1", 2, "T", "A", List.of("U"), new Identifiers(List.of("10.1/x"), List.of()),
                List.of(new WorkSource("r-1", SOURCE, Instant.EPOCH)), 1, Instant.EPOCH, Instant.EPOCH,
                List.of(new Author("Hinton, G. E.", "Hinton", "G. E.", "0000-0002-1825-0097")), 2019, "NeurIPS",
                "https://example.org/x");

        assertThat(EventJson.read(EventJson.write(WorkEvent.upserted(work)), WorkEvent.class).work()).isEqualTo(work);
        assertThat(EventJson.read(EventJson.write(WorkEvent.redirected("w-2", 3, "w-1")), WorkEvent.class))
                .isEqualTo(new WorkEvent(WorkEvent.SCHEMA, WorkEvent.Type.REDIRECTED, "w-2", 3, null, "w-1"));
    }
    @Test
    void schemaOneRawRecordWithAuthorsAsStringsStillReads() {
        byte[] json = ("{\"schema\":\"raw-record/1\",\"recordId\":\"r-1\",\"abstractText\":\"x\","
                + "\"authors\":[\"Hinton, Geoffrey E.\",\"Yann LeCun\"],\"doi\":\"10.1/x\",\"arxivId\":\"2101.00001\","
                + "\"year\":2019}").getBytes(StandardCharsets.UTF_8);

        RawRecord record = EventJson.read(json, RawRecord.class);

        assertThat(record.schema()).isEqualTo("raw-record/1");
        assertThat(record.authors()).containsExactly(
                new Author("Hinton, Geoffrey E.", "Hinton", "Geoffrey E.", null),
                new Author("Yann LeCun", "LeCun", "Yann", null));
        assertThat(record.doi()).isEqualTo("10.1/x");
        assertThat(record.year()).isEqualTo(2019);
        assertThat(record.venue()).isNull();
        assertThat(record.pmid()).isNull();
    }

    @Test
    void schemaTwoRawRecordCarriesStructuredAuthorsAndEveryIdentifier() {
        RawRecord record = new RawRecord(null, "r-1", SOURCE, Instant.EPOCH, "T", null, List.of(),
                List.of(new Author(null, "Smith", "Jane", "https://orcid.org/0000-0001-2345-678x")), "10.1/x", null,
                2020, null, "Gut", "27797938", "PMC5116089");

        String text = new String(EventJson.write(record), StandardCharsets.UTF_8);

        assertThat(text).contains("\"authors\":[{\"name\":\"Jane Smith\",\"family\":\"Smith\",\"given\":\"Jane\","
                + "\"orcid\":\"0000-0001-2345-678X\"}]", "\"venue\":\"Gut\"", "\"pmid\":\"27797938\"");
        assertThat(EventJson.read(EventJson.write(record), RawRecord.class)).isEqualTo(record);
    }

    @Test
    void schemaOneWorkEventStillReadsWithEmptyBibliographicFields() {
        byte[] json = ("{\"schema\":\"work-event/1\",\"type\":\"UPSERTED\",\"workId\":\"w-1\",\"version\":3,"
                + "\"work\":{\"workId\":\"w-1\",\"version\":3,\"title\":\"T\",\"abstractText\":\"A\","
                + "\"affiliations\":[\"U\"],\"identifiers\":{\"doi\":[\"10.1/x\"],\"arxiv\":[]},\"sources\":[],"
                + "\"memberCount\":1,\"updatedAt\":\"2026-11-23T10:00:00Z\"}}").getBytes(StandardCharsets.UTF_8);

        Work work = EventJson.read(json, WorkEvent.class).work();

        assertThat(work.identifiers()).isEqualTo(new Identifiers(List.of("10.1/x"), List.of(), List.of(), List.of()));
        assertThat(work.authors()).isEmpty();
        assertThat(work.year()).isNull();
        assertThat(work.venue()).isNull();
    }

    @Test
    void schemaTwoWorkEventWithoutMatchesReadsThemAsUnknown() {
        byte[] json = ("{\"schema\":\"work-event/2\",\"type\":\"UPSERTED\",\"workId\":\"w-1\",\"version\":2,"
                + "\"work\":{\"workId\":\"w-1\",\"version\":2,\"title\":\"T\",\"abstractText\":\"A\","
                + "\"sources\":[{\"recordId\":\"r-1\"},{\"recordId\":\"r-2\"}],\"memberCount\":2,\"year\":2019}}")
                .getBytes(StandardCharsets.UTF_8);

        WorkEvent event = EventJson.read(json, WorkEvent.class);

        assertThat(event.schema()).isEqualTo("work-event/2");
        assertThat(event.work().matches()).as("an older producer said nothing about why").isNull();
        assertThat(event.work().memberCount()).isEqualTo(2);
    }

    @Test
    void schemaThreeWorkEventCarriesItsMatchesWithRuleAndEvidence() {
        WorkMatch pair = new WorkMatch("r-1", "r-2", "SAME_TITLE_AUTHORS", null, 0.12, 0.31, false, "PREFIX", false,
                3, 4, 3, 2019, 2020, true, 2);
        Work work = new Work("w-1", 2, "T", "A", null, null, null, 2, Instant.EPOCH, Instant.EPOCH, null, 2019, null,
                null, new WorkMatches(1, List.of(pair)));

        String json = new String(EventJson.write(WorkEvent.upserted(work)), StandardCharsets.UTF_8);

        assertThat(json).contains("\"schema\":\"work-event/3\"", "\"matches\":{\"count\":1,\"pairs\":[{\"recordA\":\"r-1\"",
                "\"rule\":\"SAME_TITLE_AUTHORS\"", "\"abstractJaccard\":0.12", "\"sharedAuthors\":3",
                "\"yearA\":2019", "\"yearB\":2020", "\"matcherVersion\":2");
        assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8), WorkEvent.class).work()).isEqualTo(work);
    }
}
