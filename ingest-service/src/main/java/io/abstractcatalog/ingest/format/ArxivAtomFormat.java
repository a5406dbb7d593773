package io.abstractcatalog.ingest.format;

import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;

/**
 * The arXiv API's Atom feed: {@code <feed>} with one {@code <entry>} per paper ({@code id} =
 * {@code http://arxiv.org/abs/2101.00001v2}, {@code title}, {@code summary}, {@code published} (the first version's
 * date), {@code author/name} with {@code arxiv:affiliation}, {@code link rel="alternate"}, {@code arxiv:doi},
 * {@code arxiv:journal_ref} as venue). Any Atom feed with the same
 * elements is read the same way.
 */
public final class ArxivAtomFormat extends XmlRecordFormat {

    public static final String NAME = "arxiv-atom";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("atom", "xml");
    }

    @Override
    public int confidence(Sniff sniff) {
        if (!rootIs(sniff, "feed")) {
            return 0;
        }
        return sniff.text().contains("<entry") || sniff.text().contains("http://www.w3.org/2005/Atom") ? 95 : 60;
    }

    @Override
    String recordElement() {
        return "entry";
    }

    @Override
    void start(List<String> path, XMLStreamReader element, RecordBuilder record) {
        if (path.size() == 1 && path.get(0).equals("link")) {
            String rel = element.getAttributeValue(null, "rel");
            String href = element.getAttributeValue(null, "href");
            if (href != null && (rel == null || rel.equals("alternate"))) {
                record.url(href);
            }
        }
    }

    @Override
    void field(List<String> path, Map<String, String> attributes, String text, RecordBuilder record) {
        String leaf = path.get(path.size() - 1);
        if (path.size() == 1) {
            switch (leaf) {
                case "id" -> {
                    record.sourceId(text);
                    record.arxivId(text);
                }
                case "title" -> record.add(Field.TITLE, text);
                case "summary" -> record.add(Field.ABSTRACT, text);
                case "published" -> record.year(text);
                case "doi" -> record.doi(text);
                case "journal_ref" -> record.venue(text);
                default -> {
                }
            }
        } else if (path.size() == 2 && path.get(0).equals("author")) {
            if (leaf.equals("name")) {
                record.addOne(Field.AUTHORS, text);
            } else if (leaf.equals("affiliation")) {
                record.addOne(Field.AFFILIATIONS, text);
            }
        }
    }
}
