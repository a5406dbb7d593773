package io.abstractcatalog.ingest.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Detects and parses a file the way the ingestor does, collecting what comes out. */
record Parsing(String format, List<ParsedRecord> records, List<ParseRejection> rejections) {

    static final int MAX_RECORD_LENGTH = 100_000;

    static Parsing of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    static Parsing of(byte[] bytes) {
        return of(new ByteArrayInputStream(bytes), MAX_RECORD_LENGTH);
    }

    static Parsing of(String fileName, String text) {
        return of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), fileName, ReadLimits.of(MAX_RECORD_LENGTH));
    }

    static Parsing of(String fileName, byte[] bytes) {
        return of(new ByteArrayInputStream(bytes), fileName, ReadLimits.of(MAX_RECORD_LENGTH));
    }

    ParsedRecord record(int index) {
        return records.get(index);
    }

    static Parsing of(InputStream in, int maxRecordLength) {
        return of(in, "", ReadLimits.of(maxRecordLength));
    }

    /** As the ingestor reads a file named {@code fileName} (a hint only). */
    static Parsing of(InputStream in, String fileName, ReadLimits limits) {
        List<ParsedRecord> records = new ArrayList<>();
        List<ParseRejection> rejections = new ArrayList<>();
        try (in) {
            OpenedFile file = FormatDetector.ofKnownFormats().open(in, fileName, limits);
            file.parse(new RecordSink() {
                @Override
                public void accept(ParsedRecord record) {
                    records.add(record);
                }

                @Override
                public void reject(ParseRejection rejection) {
                    rejections.add(rejection);
                }
            });
            return new Parsing(file.formatName(), records, rejections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> abstracts() {
        return records.stream().map(ParsedRecord::abstractText).toList();
    }

    List<String> titles() {
        return records.stream().map(ParsedRecord::title).toList();
    }

    List<Integer> lines() {
        return records.stream().map(ParsedRecord::line).toList();
    }

    List<Integer> ordinals() {
        return records.stream().map(ParsedRecord::ordinal).toList();
    }

    /** Rejections as {@code "line N: reason"}, the way the ledger shows them. */
    List<String> problems() {
        return rejections.stream().map(r -> "line " + r.line() + ": " + r.reason()).toList();
    }
}
