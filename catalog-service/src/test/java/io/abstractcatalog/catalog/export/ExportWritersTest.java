package io.abstractcatalog.catalog.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.abstractcatalog.catalog.search.WorkSummary;
import io.abstractcatalog.contract.Author;
import io.abstractcatalog.contract.EventJson;
import io.abstractcatalog.contract.Identifiers;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each format's writer on nasty works: LaTeX specials, braces, accents, quotes, line breaks, missing fields. */
class ExportWritersTest {

    private static final ObjectMapper JSON = EventJson.configure(new ObjectMapper());

    private static WorkSummary work(String id, String title, String abstractText, List<Author> authors, Integer year,
                                    String venue, Identifiers ids) {
        return new WorkSummary(id, title, abstractText, abstractText != null, authors, venue, null, List.of("Uni, \"Main\" campus"), ids, 1,
                year, Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2026-01-06T10:00:00Z"), null, null, null);
    }

    private static final WorkSummary FULL = work("w-6c1e903906ab9b77df66",
            "Leucocyte {telomere} length & risk: 100% of $\\alpha$_1 ~ x^2 #1",
            "First line, \"quoted\".\nSecond line;\r\n\nthird; back\\slash.",
            List.of(Author.parse("Bao, Ying"), Author.parse("Gödel, Kurt"), new Author(null, null, null, null),
                    new Author("The ABC Consortium", null, null, null), new Author("van Gogh, Vincent", "van Gogh",
                            "Vincent", null), new Author("Barnes and Noble", "Barnes and Noble", "Inc", null)),
            2017, "Gut & Liver", new Identifiers(List.of("10.1136/gutjnl-2016-312510", "10.9/second"),
                    List.of("2106.01234"), List.of("27797938"), List.of("PMC5442267")));
    private static final WorkSummary BARE = work("w-0", null, "", List.of(), null, null, Identifiers.NONE);

    @Test
    void bibtexEscapesLatexSpecialsKeepsUtf8AndLeavesMissingFieldsOut() throws IOException {
        String bib = write(ExportFormat.BIBTEX, FULL, BARE);

        record Case(String why, String expected) {
        }
        for (Case c : List.of(
                new Case("an encoding line JabRef reads", "% Encoding: UTF-8\n"),
                new Case("key: family, year, first word, id", "@article{bao2017leucocyte-6c1e9039,\n"),
                new Case("authors Family, Given; an organisation and a family with 'and' braced; empty names dropped",
                        "  author = {Bao, Ying and Gödel, Kurt and {The ABC Consortium} and van Gogh, Vincent"
                                + " and {Barnes and Noble}, Inc},\n"),
                new Case("title double-braced, specials escaped, braces balanced",
                        "  title = {{Leucocyte {\\textbraceleft}telomere{\\textbraceright} length \\& risk: 100\\% of "
                                + "\\${\\textbackslash}alpha\\$\\_1 {\\textasciitilde} x{\\textasciicircum}2 \\#1}},\n"),
                new Case("venue escaped", "  journal = {Gut \\& Liver},\n"),
                new Case("year", "  year = {2017},\n"),
                new Case("first DOI only", "  doi = {10.1136/gutjnl-2016-312510},\n"),
                new Case("arXiv", "  eprint = {2106.01234},\n  archivePrefix = {arXiv},\n"),
                new Case("PubMed", "  pmid = {27797938},\n  pmcid = {PMC5442267},\n"),
                new Case("abstract on one line, backslash escaped",
                        "  abstract = {First line, \"quoted\". Second line; third; back{\\textbackslash}slash.}\n}\n"),
                new Case("a work without anything but an id", "\n@misc{anonnd-0\n}\n"))) {
            assertThat(bib).as(c.why()).contains(c.expected());
        }
        assertThat(bib).doesNotContain("second").doesNotContain("url =");
        assertBalanced(bib);
    }

    @Test
    void escapingLeavesNoSpecialCharacterBare() {
        String all = "#$%&_{}~^\\";
        String escaped = BibtexWriter.escape(all + " é ß 中文");
        assertThat(escaped).isEqualTo("\\#\\$\\%\\&\\_{\\textbraceleft}{\\textbraceright}{\\textasciitilde}"
                + "{\\textasciicircum}{\\textbackslash} é ß 中文");
        assertBalanced(escaped);
    }

    @Test
    void risWritesStandardTagsOneValuePerLine() throws IOException {
        String ris = write(ExportFormat.RIS, FULL, BARE);

        assertThat(ris).isEqualTo(String.join("\r\n",
                "TY  - JOUR",
                "ID  - w-6c1e903906ab9b77df66",
                "TI  - Leucocyte {telomere} length & risk: 100% of $\\alpha$_1 ~ x^2 #1",
                "AU  - Bao, Ying",
                "AU  - Gödel, Kurt",
                "AU  - The ABC Consortium",
                "AU  - van Gogh, Vincent",
                "AU  - Barnes and Noble, Inc",
                "PY  - 2017",
                "T2  - Gut & Liver",
                "AB  - First line, \"quoted\". Second line; third; back\\slash.",
                "DO  - 10.1136/gutjnl-2016-312510",
                "DO  - 10.9/second",
                "UR  - https://arxiv.org/abs/2106.01234",
                "UR  - https://pubmed.ncbi.nlm.nih.gov/27797938/",
                "AN  - 27797938",
                "ER  - ",
                "TY  - GEN",
                "ID  - w-0",
                "ER  - ",
                ""));
    }

    @Test
    void csvIsRfc4180WithTheDocumentedHeaderAndReadsBackToTheSameValues() throws IOException {
        String csv = write(ExportFormat.CSV, FULL, BARE);

        assertThat(csv).startsWith("work_id,title,authors,year,venue,doi,arxiv,pmid,pmcid,url,abstract,affiliations,"
                + "member_count,first_seen,updated_at\r\n");
        // a quote doubled inside a quoted field; line breaks kept inside quotes
        assertThat(csv).contains("\"First line, \"\"quoted\"\".\nSecond line;\r\n\nthird; back\\slash.\"");
        List<Map<String, String>> rows = ExportApiTest.csvRows(csv);
        assertThat(rows).hasSize(2);
        Map<String, String> row = rows.get(0);
        assertThat(row).containsEntry("title", FULL.title()).containsEntry("abstract", FULL.abstractText())
                .containsEntry("authors", "Bao, Ying; Gödel, Kurt; The ABC Consortium; van Gogh, Vincent; "
                        + "Barnes and Noble, Inc")
                .containsEntry("doi", "10.1136/gutjnl-2016-312510 10.9/second").containsEntry("arxiv", "2106.01234")
                .containsEntry("pmid", "27797938").containsEntry("year", "2017")
                .containsEntry("affiliations", "Uni, \"Main\" campus").containsEntry("first_seen", "2026-01-05T10:00:00Z");
        assertThat(rows.get(1)).containsEntry("work_id", "w-0").containsEntry("title", "").containsEntry("year", "");
    }

    @Test
    void jsonLinesIsOneWorkPerLineAsTheSearchItems() throws IOException {
        String lines = write(ExportFormat.JSON_LINES, FULL, BARE);

        String[] split = lines.split("\n", -1);
        assertThat(split).hasSize(3);
        assertThat(split[2]).isEmpty();
        JsonNode first = JSON.readTree(split[0]);
        assertThat(first.get("abstractText").asText()).isEqualTo(FULL.abstractText());
        assertThat(first.get("authors").get(1).get("family").asText()).isEqualTo("Gödel");
        assertThat(first.get("identifiers").get("pmcid").get(0).asText()).isEqualTo("PMC5442267");
        assertThat(JSON.readTree(split[1]).has("title")).isFalse();
    }

    @Test
    void cslJsonFollowsTheCslDataSchema() throws IOException {
        JsonNode items = JSON.readTree(write(ExportFormat.CSL_JSON, FULL, BARE));

        assertThat(items.isArray()).isTrue();
        JsonNode item = items.get(0);
        assertThat(item.get("id").asText()).isEqualTo("w-6c1e903906ab9b77df66");
        assertThat(item.get("citation-key").asText()).isEqualTo("bao2017leucocyte-6c1e9039");
        assertThat(item.get("type").asText()).isEqualTo("article-journal");
        assertThat(item.get("title").asText()).isEqualTo(FULL.title());
        assertThat(item.get("author").get(0).get("family").asText()).isEqualTo("Bao");
        assertThat(item.get("author").get(0).get("given").asText()).isEqualTo("Ying");
        assertThat(item.get("author").get(2).get("literal").asText()).isEqualTo("The ABC Consortium");
        assertThat(item.get("author")).hasSize(5); // the empty name is left out
        assertThat(item.get("issued").get("date-parts").get(0).get(0).asInt()).isEqualTo(2017);
        assertThat(item.get("container-title").asText()).isEqualTo("Gut & Liver");
        assertThat(item.get("DOI").asText()).isEqualTo("10.1136/gutjnl-2016-312510");
        assertThat(item.get("PMID").asText()).isEqualTo("27797938");
        assertThat(item.get("PMCID").asText()).isEqualTo("PMC5442267");
        assertThat(item.get("URL").asText()).isEqualTo("https://arxiv.org/abs/2106.01234");
        assertThat(item.get("abstract").asText()).isEqualTo(FULL.abstractText());
        JsonNode bare = items.get(1);
        assertThat(bare.get("type").asText()).isEqualTo("article");
        assertThat(iterable(bare.fieldNames())).containsExactly("id", "citation-key", "type");
    }

    @Test
    void anEmptyExportIsAValidEmptyFileInEveryFormat() throws IOException {
        assertThat(write(ExportFormat.BIBTEX)).isEqualTo("% Encoding: UTF-8\n");
        assertThat(write(ExportFormat.RIS)).isEmpty();
        assertThat(write(ExportFormat.CSV)).isEqualTo(String.join(",", CsvWriter.COLUMNS) + "\r\n");
        assertThat(write(ExportFormat.JSON_LINES)).isEmpty();
        assertThat(write(ExportFormat.CSL_JSON)).isEqualTo("[]");
    }

    static String write(ExportFormat format, WorkSummary... works) throws IOException {
        StringWriter out = new StringWriter();
        ExportWriter writer = format.writer(out, JSON);
        writer.start();
        for (WorkSummary work : works) {
            writer.write(work);
        }
        writer.finish();
        return out.toString();
    }

    /** Braces balance as BibTeX counts them: every brace, escaped or not. */
    private static void assertBalanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            assertThat(depth).as("brace depth in " + text).isNotNegative();
        }
        assertThat(depth).isZero();
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
