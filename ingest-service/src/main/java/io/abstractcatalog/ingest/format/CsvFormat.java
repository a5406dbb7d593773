package io.abstractcatalog.ingest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV with a header row naming the columns (aliases as in {@link Field}): an abstract column, or a bibliographic
 * header without one, i.e. a title column with an author or identifier column ({@link #bibliographic}). The
 * delimiter ({@code ,}, {@code ;} or tab) is the one the header uses most; quoted values may span lines and contain
 * delimiters and doubled quotes. Read with Jackson's streaming CSV parser, one row at a time.
 */
public final class CsvFormat implements RecordFormat {

    public static final String NAME = "csv";
    private static final char[] DELIMITERS = {',', ';', '\t'};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("csv", "tsv", "tab");
    }

    @Override
    public int confidence(Sniff sniff) {
        String header = sniff.firstLine();
        char delimiter = delimiter(header);
        if (delimiter == 0) {
            return 0;
        }
        List<Field> fields = header(header, delimiter).stream().map(Field::named).toList();
        return fields.contains(Field.ABSTRACT) ? 85 : bibliographic(fields) ? 80 : 0;
    }

    /**
     * A header without an abstract column that still names works: a title and authors or an identifier (a reference
     * manager's export). A title with anything else ("title,price") is not ours, so other tables are not claimed.
     */
    static boolean bibliographic(List<Field> columns) {
        return columns.contains(Field.TITLE) && (columns.contains(Field.AUTHORS) || columns.contains(Field.DOI)
                || columns.contains(Field.ARXIV_ID) || columns.contains(Field.PMID) || columns.contains(Field.PMCID));
    }

    @Override
    public String nearMiss(Sniff sniff) {
        String header = sniff.firstLine();
        char delimiter = delimiter(header);
        if (delimiter == 0 || sniff.lines().size() < 2 || delimiter(sniff.lines().get(1).text()) != delimiter) {
            return null;
        }
        long known = header(header, delimiter).stream().map(Field::named).filter(f -> f != null).count();
        return known > 0
                ? "it looks like CSV, but its header has no abstract column (one of " + Field.ABSTRACT.aliases()
                        + ") nor a title column (" + Field.TITLE.aliases() + ") with an author or identifier column"
                : "it looks like CSV without a header: the first line must name the columns, one of them the abstract ("
                        + Field.ABSTRACT.aliases() + ")";
    }

    /** The delimiter the header line uses most outside quotes, or 0 when it uses none. */
    static char delimiter(String header) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        counts[d]++;
                    }
                }
            }
        }
        int best = -1;
        for (int d = 0; d < DELIMITERS.length; d++) {
            if (counts[d] > 0 && (best < 0 || counts[d] > counts[best])) {
                best = d;
            }
        }
        return best < 0 ? 0 : DELIMITERS[best];
    }

    private static List<String> header(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)) {
            String name = cell.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
            }
            cells.add(name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
        }
        return cells;
    }

    @Override
    public void parse(InputStream content, ReadLimits limits, RecordSink sink) throws IOException {
        BufferedReader reader = new BufferedReader(utf8(content), 64 * 1024);
        char delimiter = delimiter(firstLine(reader, limits.maxRecordLength()));
        if (delimiter == 0) {
            throw new UnreadableFileException("CSV without a header: its first line names no columns", 1);
        }
        CsvFactory factory = CsvFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(limits.maxValueLength()).build())
                .build();
        try (CsvParser parser = factory.createParser(reader)) {
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter).withoutHeader());
            parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            List<Field> columns = null;
            int ordinal = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.START_ARRAY) {
                    continue;
                }
                int line = parser.currentTokenLocation().getLineNr() + 1; // Jackson CSV counts rows from 0 here
                List<String> values = new ArrayList<>();
                long length = 0;
                for (JsonToken value = parser.nextToken(); value != JsonToken.END_ARRAY && value != null; value = parser.nextToken()) {
                    String text = parser.getText();
                    length += text.length();
                    values.add(length > limits.maxRecordLength() ? "" : text);
                }
                if (columns == null) {
                    columns = values.stream().map(Field::named).toList();
                    if (!columns.contains(Field.ABSTRACT) && !bibliographic(columns)) {
                        throw new UnreadableFileException("CSV header has no abstract column (one of " + Field.ABSTRACT.aliases()
                                + ") nor a title column with an author or identifier column: "
                                + String.join(String.valueOf(delimiter), values), line);
                    }
                    continue;
                }
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                RecordBuilder record = new RecordBuilder(ordinal++, line, limits.maxRecordLength())
                        .excerpt(String.join(String.valueOf(delimiter), values));
                if (length > limits.maxRecordLength()) {
                    record.tooLong();
                } else if (values.size() > columns.size()) {
                    sink.reject(new ParseRejection(record.ordinal(), line, "row has " + values.size()
                            + " values, the header names " + columns.size() + " columns", excerpt(values, delimiter)));
                    continue;
                }
                for (int i = 0; i < values.size() && i < columns.size(); i++) {
                    record.add(columns.get(i), values.get(i));
                }
                record.emit(sink);
            }
            if (columns == null) {
                throw new UnreadableFileException("CSV without a header: the file has no lines", null);
            }
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("not valid UTF-8 text", null);
        }
    }

    private static String excerpt(List<String> values, char delimiter) {
        String text = String.join(String.valueOf(delimiter), values).strip();
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    /** The first non-blank line, read ahead without consuming it. */
    private static String firstLine(BufferedReader reader, int maxLength) throws IOException {
        reader.mark(maxLength + 2);
        StringBuilder line = new StringBuilder();
        for (int c = reader.read(); c >= 0 && line.length() < maxLength; c = reader.read()) {
            if (c == '\n' || c == '\r') {
                if (!line.toString().isBlank()) {
                    break;
                }
                line.setLength(0);
                continue;
            }
            line.append((char) c);
        }
        reader.reset();
        return line.toString();
    }

    private static UnreadableFileException malformed(JsonProcessingException e) {
        Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
        return new UnreadableFileException("malformed CSV" + (line == null ? "" : " at line " + line) + ": "
                + e.getOriginalMessage(), line);
    }

    /** Strict UTF-8 (bad bytes fail the file), without a byte-order mark. */
    private static Reader utf8(InputStream content) throws IOException {
        PushbackReader reader = new PushbackReader(new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1);
        int first = reader.read();
        if (first >= 0 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }
}
