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

    static Parsing of(InputStream in, int maxRecordLength) {
        List<ParsedRecord> records = new ArrayList<>();
        List<ParseRejection> rejections = new ArrayList<>();
        try (LineReader lines = LineReader.utf8(in, maxRecordLength)) {
            RecordFormat format = FormatDetector.ofKnownFormats().detect(lines);
            format.parse(lines, new RecordSink() {
                @Override
                public void accept(ParsedRecord record) {
                    records.add(record);
                }

                @Override
                public void reject(ParseRejection rejection) {
                    rejections.add(rejection);
                }
            });
            return new Parsing(format.name(), records, rejections);
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
