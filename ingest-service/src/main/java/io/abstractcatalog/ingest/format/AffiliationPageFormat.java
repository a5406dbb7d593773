package io.abstractcatalog.ingest.format;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A page of abstracts from one institution: an optional first line naming the institution, then records that each
 * start with {@code Abstract:}. Blank lines between records mean nothing; a non-blank line that does not start
 * with {@code Abstract:} continues the record above it (a wrapped abstract stays whole rather than being lost).
 * The institution goes into every record's affiliations, as one string however many institutions it names:
 * splitting it on commas would cut "University of Science and Technology of China, Hefei, China" into nonsense.
 */
public final class AffiliationPageFormat implements LineFormat {

    public static final String NAME = "affiliation-page";

    /** Case and a space before the colon vary between pages; the text may follow directly or after spaces. */
    private static final Pattern ABSTRACT = Pattern.compile("(?i)abstract\\s?:");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("txt");
    }

    @Override
    public int confidence(List<Line> head) {
        if (startsRecord(head.get(0))) {
            return 100;
        }
        // The affiliation line comes first, the first record right after it.
        if (head.size() > 1 && startsRecord(head.get(1))) {
            return 90;
        }
        // More lines before the first record than an affiliation: still this format; those lines are rejected.
        return head.stream().anyMatch(AffiliationPageFormat::startsRecord) ? 50 : 0;
    }

    @Override
    public void parse(LineReader lines, RecordSink sink) throws IOException {
        new Page(lines.maxLineLength(), sink).read(lines);
    }

    static boolean startsRecord(Line line) {
        return ABSTRACT.matcher(line.text().stripLeading()).lookingAt();
    }

    /** The reading state of one file. */
    private static final class Page {

        private final int maxRecordLength;
        private final RecordSink sink;
        private List<String> affiliations = List.of();
        private boolean beforeFirstLine = true;
        private int ordinal;
        private Line recordStart;
        private StringBuilder text;
        private boolean tooLong;

        Page(int maxRecordLength, RecordSink sink) {
            this.maxRecordLength = maxRecordLength;
            this.sink = sink;
        }

        void read(LineReader lines) throws IOException {
            for (Line line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                if (startsRecord(line)) {
                    finishRecord();
                    startRecord(line);
                } else if (recordStart != null) {
                    append(line);
                } else if (beforeFirstLine) {
                    readAffiliation(line);
                } else {
                    sink.reject(new ParseRejection(ordinal++, line.number(),
                            "text before the first 'Abstract:' that is not the affiliation line", line.excerpt()));
                }
                beforeFirstLine = false;
            }
            finishRecord();
        }

        private void readAffiliation(Line line) {
            if (line.truncated()) {
                throw new UnreadableFileException("the affiliation line is longer than " + maxRecordLength + " characters",
                        line.number());
            }
            affiliations = List.of(line.text().strip());
        }

        private void startRecord(Line line) {
            String content = line.text().stripLeading();
            var matcher = ABSTRACT.matcher(content);
            matcher.lookingAt();
            recordStart = line;
            text = new StringBuilder(content.substring(matcher.end()).strip());
            tooLong = line.truncated();
        }

        private void append(Line line) {
            String more = line.text().strip();
            if (line.truncated() || text.length() + 1 + more.length() > maxRecordLength) {
                tooLong = true;
                return;
            }
            text.append(text.isEmpty() ? "" : " ").append(more);
        }

        private void finishRecord() {
            if (recordStart == null) {
                return;
            }
            int position = ordinal++;
            if (tooLong) {
                sink.reject(new ParseRejection(position, recordStart.number(),
                        "record longer than " + maxRecordLength + " characters", recordStart.excerpt()));
            } else if (text.isEmpty()) {
                sink.reject(new ParseRejection(position, recordStart.number(), "empty abstract", recordStart.excerpt()));
            } else {
                sink.accept(new ParsedRecord(position, recordStart.number(), null, text.toString(), affiliations));
            }
            recordStart = null;
            text = null;
        }
    }
}
