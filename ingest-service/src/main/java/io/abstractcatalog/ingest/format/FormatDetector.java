package io.abstractcatalog.ingest.format;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Picks the format of a file from its first non-blank lines. */
public final class FormatDetector {

    /** Enough lines to see past page furniture and a header, few enough to stay cheap. */
    static final int HEAD_LINES = 8;

    private final List<RecordFormat> formats;

    public FormatDetector(List<RecordFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** The formats seen so far; the order breaks ties. */
    public static FormatDetector ofKnownFormats() {
        return new FormatDetector(List.of(new AffiliationPageFormat(), new TrendingPageFormat()));
    }

    /**
     * The most confident format for what {@code lines} holds, without consuming any line.
     *
     * @throws UnreadableFileException when the file is empty, blank, or no format recognises it
     */
    public RecordFormat detect(LineReader lines) throws IOException {
        List<Line> head = lines.peekNonBlank(HEAD_LINES);
        if (head.isEmpty()) {
            throw new UnreadableFileException(lines.linesRead() == 0 ? "empty file" : "file has only blank lines", null);
        }
        return formats.stream()
                .filter(format -> format.confidence(head) > 0)
                .max(Comparator.comparingInt(format -> format.confidence(head)))
                .orElseThrow(() -> new UnreadableFileException(
                        "format not recognised (known: " + names() + "); it starts with: \"" + head.get(0).excerpt() + "\"",
                        head.get(0).number()));
    }

    private String names() {
        return formats.stream().map(RecordFormat::name).collect(Collectors.joining(", "));
    }
}
