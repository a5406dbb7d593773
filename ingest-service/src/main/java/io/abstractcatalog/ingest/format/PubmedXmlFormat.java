package io.abstractcatalog.ingest.format;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;

/**
 * PubMed XML ({@code <PubmedArticleSet>}), as E-utilities {@code efetch} serves it and as the annual baseline and
 * daily update files hold it (usually gzipped, with a {@code <!DOCTYPE>} naming NLM's DTD, which is never loaded).
 * One record per {@code PubmedArticle}: {@code ArticleTitle}, {@code Abstract/AbstractText} (a {@code Label}ed part
 * becomes "LABEL: text", parts joined in order; inline markup such as {@code <i>} and {@code <sup>} is flattened),
 * {@code AuthorList/Author} ({@code LastName} + {@code ForeName} or {@code Initials}, {@code CollectiveName},
 * {@code Identifier Source="ORCID"}, {@code AffiliationInfo/Affiliation} as the record's affiliations),
 * {@code Journal/Title} as venue ({@code ISOAbbreviation} only without it), the year of
 * {@code JournalIssue/PubDate} ({@code Year} or {@code MedlineDate} "1998 Dec-1999 Jan"; else {@code ArticleDate}),
 * {@code PMID} (also the source id), the DOI of {@code ELocationID EIdType="doi"} or of the article's own
 * {@code ArticleIdList}, which also gives the PMCID. A {@code PubmedBookArticle} is rejected.
 */
public final class PubmedXmlFormat extends XmlRecordFormat {

    public static final String NAME = "pubmed-xml";
    private static final String BOOK = "PubmedBookArticle";
    private static final List<String> ARTICLE = List.of("MedlineCitation", "Article");
    private static final List<String> AUTHOR = List.of("MedlineCitation", "Article", "AuthorList", "Author");
    private static final Set<String> TEXT_WITH_MARKUP = Set.of("ArticleTitle", "AbstractText", "Affiliation");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("xml");
    }

    @Override
    public int confidence(Sniff sniff) {
        if (!rootIs(sniff, "PubmedArticleSet")) {
            return 0;
        }
        return sniff.text().contains("<PubmedArticle") ? 95 : 80;
    }

    @Override
    String recordElement() {
        return "PubmedArticle";
    }

    @Override
    Set<String> recordElements() {
        return Set.of("PubmedArticle", BOOK);
    }

    @Override
    boolean isTextWithMarkup(List<String> path) {
        return TEXT_WITH_MARKUP.contains(path.get(path.size() - 1));
    }

    @Override
    void start(List<String> path, XMLStreamReader element, RecordBuilder record) {
        if (path.isEmpty() && element.getLocalName().equals(BOOK)) {
            record.refuse("a PubMed book article (PubmedBookArticle) is not read: only journal articles are");
        }
    }

    @Override
    void end(List<String> path, RecordBuilder record) {
        if (path.equals(AUTHOR)) {
            record.author(record.person().take());
        }
    }

    @Override
    void field(List<String> path, Map<String, String> attributes, String text, RecordBuilder record) {
        String leaf = path.get(path.size() - 1);
        int depth = path.size();
        if (depth == 2 && path.get(0).equals("MedlineCitation") && leaf.equals("PMID")) {
            record.pmid(text);
            record.sourceId(text);
            record.excerpt("PMID " + text);
        } else if (depth == 3 && path.get(0).equals("PubmedData") && path.get(1).equals("ArticleIdList")) {
            articleId(attributes.get("IdType"), text, record); // the article's own ids, not its references'
        } else if (depth >= 3 && path.subList(0, 2).equals(ARTICLE)) {
            article(path.subList(2, depth), attributes, text, record);
        }
    }

    /** {@code path} below {@code MedlineCitation/Article}. */
    private static void article(List<String> path, Map<String, String> attributes, String text, RecordBuilder record) {
        String leaf = path.get(path.size() - 1);
        String first = path.get(0);
        switch (first) {
            case "ArticleTitle" -> record.add(Field.TITLE, text);
            case "Abstract" -> {
                if (leaf.equals("AbstractText")) {
                    String label = attributes.get("Label");
                    record.add(Field.ABSTRACT, label == null || label.isBlank() ? text : label.strip() + ": " + text);
                }
            }
            case "AuthorList" -> author(path, attributes, text, record);
            case "Journal" -> {
                if (path.size() == 2 && leaf.equals("Title")) {
                    record.venue(text);
                } else if (path.size() == 2 && leaf.equals("ISOAbbreviation")) {
                    record.venueAbbreviation(text);
                } else if (path.size() == 4 && path.get(2).equals("PubDate") && (leaf.equals("Year") || leaf.equals("MedlineDate"))) {
                    record.year(text);
                }
            }
            case "ArticleDate" -> {
                if (leaf.equals("Year")) {
                    record.year(text); // only when the date gave none: it came first
                }
            }
            case "ELocationID" -> {
                if ("doi".equalsIgnoreCase(attributes.get("EIdType"))) {
                    record.doi(text);
                }
            }
            default -> {
            }
        }
    }

    /** {@code path} below {@code MedlineCitation/Article}, starting {@code AuthorList}. */
    private static void author(List<String> path, Map<String, String> attributes, String text, RecordBuilder record) {
        if (path.size() < 3 || !path.get(1).equals("Author")) {
            return;
        }
        PersonParts person = record.person();
        String leaf = path.get(path.size() - 1);
        switch (leaf) {
            case "LastName" -> person.family = text;
            case "ForeName" -> person.given = text;
            case "Initials" -> person.initials = text;
            case "CollectiveName" -> person.collective = text;
            case "Identifier" -> {
                if ("ORCID".equalsIgnoreCase(attributes.get("Source"))) {
                    person.orcid = text;
                }
            }
            case "Affiliation" -> record.addOne(Field.AFFILIATIONS, text);
            default -> {
            }
        }
    }

    private static void articleId(String type, String text, RecordBuilder record) {
        if (type == null) {
            return;
        }
        switch (type) {
            case "doi" -> record.doi(text);
            case "pmc" -> record.pmcid(text);
            case "pubmed" -> record.pmid(text);
            default -> {
            }
        }
    }
}
