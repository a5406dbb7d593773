package io.abstractcatalog.ingest.format;

import io.abstractcatalog.contract.Identifiers;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;

/**
 * An arXiv OAI-PMH harvest ({@code <OAI-PMH>}, {@code ListRecords/record}) with {@code arXiv} metadata
 * ({@code id}, {@code title}, {@code abstract}, {@code authors/author/keyname+forenames+affiliation} as family and
 * given names, {@code doi}, {@code journal-ref} as venue, {@code created}: the first version's date), {@code arXivRaw}
 * ({@code authors} in one string, the first {@code version/date}) or {@code oai_dc} ({@code dc:title}, {@code dc:creator}, {@code dc:description} — the first that
 * is not a "Comment:", {@code dc:date}, {@code dc:identifier} URLs and DOIs). The header's {@code identifier} is the
 * source id; a deleted record (no metadata) is rejected; the {@code resumptionToken} is ignored (one file is one
 * response page).
 */
public final class ArxivOaiFormat extends XmlRecordFormat {

    public static final String NAME = "arxiv-oai";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("xml", "oai");
    }

    @Override
    public int confidence(Sniff sniff) {
        if (!rootIs(sniff, "OAI-PMH")) {
            return 0;
        }
        String text = sniff.text();
        return text.contains("<arXiv") || text.contains("oai_dc:dc") || text.contains("<record") ? 95 : 70;
    }

    @Override
    String recordElement() {
        return "record";
    }

    @Override
    void start(List<String> path, XMLStreamReader element, RecordBuilder record) {
        if (path.size() == 1 && path.get(0).equals("header") && "deleted".equals(element.getAttributeValue(null, "status"))) {
            record.excerpt("deleted record");
        }
    }

    @Override
    void end(List<String> path, RecordBuilder record) {
        if (path.size() == 4 && path.get(3).equals("author")) {
            record.author(record.person().take());
        }
    }

    @Override
    void field(List<String> path, Map<String, String> attributes, String text, RecordBuilder record) {
        String leaf = path.get(path.size() - 1);
        if (path.size() == 2 && path.get(0).equals("header") && leaf.equals("identifier")) {
            record.sourceId(text);
            return;
        }
        if (path.size() < 3 || !path.get(0).equals("metadata")) {
            return;
        }
        String container = path.get(1);
        if (container.equals("arXiv") || container.equals("arXivRaw")) {
            arxiv(path, leaf, text, record);
        } else if (container.equals("dc")) {
            dublinCore(leaf, text, record);
        }
    }

    private void arxiv(List<String> path, String leaf, String text, RecordBuilder record) {
        boolean inAuthor = path.size() == 5 && path.get(2).equals("authors") && path.get(3).equals("author");
        if (inAuthor) {
            PersonParts person = record.person();
            switch (leaf) {
                case "keyname" -> person.family = text;
                case "forenames" -> person.given = text;
                case "affiliation" -> record.addOne(Field.AFFILIATIONS, text);
                default -> {
                }
            }
            return;
        }
        if (path.size() == 4 && path.get(2).equals("version") && leaf.equals("date")) {
            record.year(text); // arXivRaw lists versions oldest first: the first date is the first version's
            return;
        }
        if (path.size() != 3) {
            return;
        }
        switch (leaf) {
            case "id" -> record.arxivId(text);
            case "title" -> record.add(Field.TITLE, text);
            case "abstract" -> record.add(Field.ABSTRACT, text);
            case "doi" -> record.doi(text);
            case "created" -> record.year(text);
            case "journal-ref" -> record.venue(text);
            case "authors" -> record.add(Field.AUTHORS, text.replace(",", ";")); // arXivRaw: "A, B and C"
            default -> {
            }
        }
    }

    private static void dublinCore(String leaf, String text, RecordBuilder record) {
        switch (leaf) {
            case "title" -> record.add(Field.TITLE, text);
            case "creator" -> record.addOne(Field.AUTHORS, text);
            case "description" -> {
                if (!record.hasAbstract() && !text.startsWith("Comment:")) {
                    record.add(Field.ABSTRACT, text);
                }
            }
            case "date" -> record.year(text);
            case "identifier" -> {
                if (Identifiers.normalizeDoi(text) != null) { // doi:…, https://doi.org/…, or a bare 10.…/…
                    record.doi(text);
                } else if (text.startsWith("http")) {
                    record.url(text);
                    record.arxivId(text);
                }
            }
            default -> {
            }
        }
    }
}
