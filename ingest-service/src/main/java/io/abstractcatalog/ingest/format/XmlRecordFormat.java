package io.abstractcatalog.ingest.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML format read with StAX, one record element at a time. A {@code <!DOCTYPE>} naming an external DTD (PubMed's)
 * is accepted and ignored: DTD support is off and the resolver refuses, so no DTD or external entity is ever loaded
 * (XXE). A DOCTYPE that declares entities, and any entity reference other than XML's five and character references,
 * fail the file: no entity is ever expanded (billion laughs). Malformed or unclosed XML fails the file with its line.
 */
abstract class XmlRecordFormat implements RecordFormat {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    static final String ENTITIES_REFUSED = "XML declaring or using entities is refused (no entity is expanded or fetched: XXE, entity expansion)";

    /** The local name of the element that holds one record ({@code record}, {@code entry}). */
    abstract String recordElement();

    /** The local names of elements that each hold one record candidate; by default only {@link #recordElement()}. */
    Set<String> recordElements() {
        return Set.of(recordElement());
    }

    /**
     * A leaf element of a record ended: {@code path} holds the local names from the record element down to it (the
     * record element excluded), {@code attributes} its attributes by local name, {@code text} its
     * whitespace-collapsed text.
     */
    abstract void field(List<String> path, Map<String, String> attributes, String text, RecordBuilder record);

    /**
     * Whether the element at {@code path} holds text with inline markup ({@code <i>}, {@code <sup>}) that is one value:
     * its descendants' text is joined and handed to {@link #field} once, for it.
     */
    boolean isTextWithMarkup(List<String> path) {
        return false;
    }

    /** Attributes of an element that starts inside a record (a link's {@code href}, a deleted header). */
    void start(List<String> path, XMLStreamReader element, RecordBuilder record) {
    }

    /** An element inside a record ended (after {@link #field} for its text, if any). */
    void end(List<String> path, RecordBuilder record) {
    }

    /** Called once the record element ended; the record is emitted right after. */
    void finish(RecordBuilder record) {
    }

    /** Whether the head of the file is XML whose root is {@code root} (prolog, comments and DOCTYPE allowed). */
    static boolean rootIs(Sniff sniff, String root) {
        String head = sniff.trimmedStart();
        if (!head.startsWith("<")) {
            return false;
        }
        return Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?" + Pattern.quote(root) + "[\\s>/]").matcher(head).find();
    }

    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's: no surprise from the class path
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // an entity only a DTD could declare (&nbsp;) then comes as an ENTITY_REFERENCE event, which is refused
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            // never reached with DTD support off; should a parser ever ask, nothing is fetched
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    @Override
    public String nearMiss(Sniff sniff) {
        String head = sniff.trimmedStart();
        return head.startsWith("<") && head.contains("<!DOCTYPE") && head.contains("<!ENTITY") ? ENTITIES_REFUSED : null;
    }

    private static Map<String, String> attributes(XMLStreamReader element) {
        int count = element.getAttributeCount();
        if (count == 0) {
            return Map.of();
        }
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < count; i++) {
            attributes.put(element.getAttributeLocalName(i), element.getAttributeValue(i));
        }
        return attributes;
    }

    @Override
    public void parse(InputStream content, ReadLimits limits, RecordSink sink) throws IOException {
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(content, "UTF-8");
            int ordinal = 0;
            RecordBuilder record = null;
            List<String> path = new ArrayList<>();
            List<Map<String, String>> attributes = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            boolean textTooLong = false;
            int markupDepth = 0; // > 0: inside an element whose text has inline markup, at this path length
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        if (xml.getText().contains("<!ENTITY")) {
                            throw new UnreadableFileException(ENTITIES_REFUSED, xml.getLocation().getLineNumber());
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                            throw new UnreadableFileException(ENTITIES_REFUSED, xml.getLocation().getLineNumber());
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (record == null) {
                            if (recordElements().contains(xml.getLocalName())) {
                                int line = xml.getLocation().getLineNumber();
                                record = new RecordBuilder(ordinal++, line, limits.maxRecordLength());
                                path.clear();
                                attributes.clear();
                                start(path, xml, record);
                            }
                        } else {
                            path.add(xml.getLocalName());
                            attributes.add(attributes(xml));
                            if (markupDepth > 0) {
                                break; // inline markup: its text belongs to the enclosing value
                            }
                            start(path, xml, record);
                            if (isTextWithMarkup(path)) {
                                markupDepth = path.size();
                            }
                        }
                        text.setLength(0);
                        textTooLong = false;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (record != null && !textTooLong) {
                            int length = xml.getTextLength();
                            if (text.length() + length > limits.maxRecordLength()) {
                                textTooLong = true;
                                record.tooLong();
                            } else {
                                text.append(xml.getTextCharacters(), xml.getTextStart(), length);
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (record == null) {
                            break;
                        }
                        if (path.isEmpty()) {
                            finish(record);
                            record.emit(sink);
                            record = null;
                        } else if (markupDepth > 0 && path.size() > markupDepth) {
                            path.remove(path.size() - 1);
                            attributes.remove(attributes.size() - 1);
                            break; // the end of inline markup: the text goes on
                        } else {
                            markupDepth = 0;
                            if (!textTooLong && !text.isEmpty()) {
                                String value = WHITESPACE.matcher(text).replaceAll(" ").strip();
                                if (!value.isEmpty()) {
                                    field(path, attributes.get(attributes.size() - 1), value, record);
                                }
                            }
                            end(path, record);
                            path.remove(path.size() - 1);
                            attributes.remove(attributes.size() - 1);
                        }
                        text.setLength(0);
                        textTooLong = false;
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io && !(io instanceof java.io.CharConversionException)) {
                throw io;
            }
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNumber();
            String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw new UnreadableFileException("malformed XML" + (line == null || line < 0 ? "" : " at line " + line) + ": "
                    + message.strip(), line == null || line < 0 ? null : line);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader that failed
                }
            }
        }
    }
}
