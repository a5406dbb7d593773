package io.abstractcatalog.ingest.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Opens a file: gzip is recognised by its magic bytes and decompressed, then the format is picked from the first
 * {@link #SNIFF_BYTES} of the content. The file name's extension only breaks ties between equally confident formats.
 */
public final class FormatDetector {

    /** Enough lines to see past page furniture and a header, few enough to stay cheap. */
    public static final int HEAD_LINES = 8;
    /** How much of the (decompressed) content detection looks at. */
    public static final int SNIFF_BYTES = 64 * 1024;

    /** Signatures of common binary files, so the reason says what the file is rather than "not UTF-8". */
    private static final List<Magic> MAGICS = List.of(
            new Magic(new byte[] {'P', 'K', 3, 4}, "a zip archive (only gzip compression is supported)"),
            new Magic(new byte[] {'B', 'Z', 'h'}, "bzip2-compressed (only gzip compression is supported)"),
            new Magic(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}, "xz-compressed (only gzip compression is supported)"),
            new Magic(new byte[] {(byte) 0x28, (byte) 0xb5, (byte) 0x2f, (byte) 0xfd}, "zstd-compressed (only gzip compression is supported)"),
            new Magic(new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c}, "a 7z archive (only gzip compression is supported)"),
            new Magic(new byte[] {'%', 'P', 'D', 'F', '-'}, "a PDF document, not a text file of records"));

    private final List<RecordFormat> formats;

    public FormatDetector(List<RecordFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** Every supported format; the order breaks ties the extension does not. */
    public static FormatDetector ofKnownFormats() {
        return new FormatDetector(List.of(new AffiliationPageFormat(), new TrendingPageFormat(), new JsonLinesFormat(),
                new JsonArrayFormat(), new CsvFormat(), new BibtexFormat(), new RisFormat(), new ArxivOaiFormat(),
                new ArxivAtomFormat(), new PubmedXmlFormat(), new MedlineFormat(),
                new CrossrefJsonFormat(), new OpenAlexJsonFormat()));
    }

    public List<String> names() {
        return formats.stream().map(RecordFormat::name).toList();
    }

    /**
     * Opens {@code raw} (the file's bytes, from the first) and detects its format. The caller closes {@code raw}.
     *
     * @param fileName the object key: its extension is a tie-breaker only
     * @throws UnreadableFileException when the file is empty, blank, binary, not UTF-8, corrupt gzip, too large, or
     *                                 of no known format
     */
    public OpenedFile open(InputStream raw, String fileName, ReadLimits limits) throws IOException {
        BufferedInputStream rawBuffered = new BufferedInputStream(
                new LimitedInputStream(raw, limits.maxFileSize(), "the file"), GzipContent.BUFFER);
        rawBuffered.mark(8);
        byte[] magic = rawBuffered.readNBytes(8);
        rawBuffered.reset();
        boolean compressed = GzipContent.isGzip(magic, magic.length);
        BufferedInputStream content = compressed
                ? new BufferedInputStream(new LimitedInputStream(GzipContent.open(rawBuffered), limits.maxFileSize(),
                        "the decompressed content"), SNIFF_BYTES + 1)
                : new BufferedInputStream(rawBuffered, SNIFF_BYTES + 1);
        content.mark(SNIFF_BYTES + 1);
        byte[] head = content.readNBytes(SNIFF_BYTES);
        boolean complete = content.read() < 0;
        content.reset();
        Sniff sniff = sniff(head, complete, fileName, compressed);
        return new OpenedFile(choose(sniff), compressed, content, limits);
    }

    /** The format {@code sniff} shows, or the reason none does. */
    RecordFormat choose(Sniff sniff) {
        String extension = sniff.extension();
        Comparator<RecordFormat> byConfidence = Comparator.comparingInt(format -> format.confidence(sniff));
        Comparator<RecordFormat> thenExtension = byConfidence.thenComparing(format -> format.extensions().contains(extension));
        RecordFormat best = null;
        for (RecordFormat format : formats) { // first of the best wins: formats earlier in the list break final ties
            if (format.confidence(sniff) > 0 && (best == null || thenExtension.compare(format, best) > 0)) {
                best = format;
            }
        }
        if (best != null) {
            return best;
        }
        String nearMiss = formats.stream().map(format -> format.nearMiss(sniff)).filter(Objects::nonNull).findFirst()
                .map(reason -> "; " + reason).orElse("");
        Line first = sniff.lines().get(0);
        throw new UnreadableFileException("format not recognised (known: " + String.join(", ", names())
                + "); it starts with: \"" + first.excerpt() + "\"" + nearMiss, first.number());
    }

    private static Sniff sniff(byte[] head, boolean complete, String fileName, boolean compressed) {
        if (head.length == 0) {
            throw new UnreadableFileException(compressed ? "empty file (after gzip decompression)" : "empty file", null);
        }
        if (!compressed) {
            for (Magic magic : MAGICS) {
                if (magic.matches(head)) {
                    throw new UnreadableFileException("binary file: " + magic.what(), null);
                }
            }
        }
        String text = decode(head, complete);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int line = lineAt(text, nul);
            throw new UnreadableFileException("binary file: it contains NUL bytes (first at line " + line + ")", line);
        }
        List<Line> lines = headLines(text, complete);
        if (lines.isEmpty()) {
            if (complete) {
                throw new UnreadableFileException("file has only blank lines", null);
            }
            throw new UnreadableFileException("no text in the first " + SNIFF_BYTES + " bytes", null);
        }
        return new Sniff(text, complete, lines, fileName, compressed);
    }

    /** The head as text; bytes that are not UTF-8 fail the file with their line (a character cut by the end of the sniff does not). */
    private static String decode(byte[] head, boolean complete) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head);
        CharBuffer chars = CharBuffer.allocate(head.length + 1);
        CoderResult result = decoder.decode(bytes, chars, complete);
        if (result.isError()) {
            chars.flip();
            int line = lineAt(chars, chars.length());
            throw new UnreadableFileException("not valid UTF-8 text at line " + line, line);
        }
        if (complete) {
            decoder.flush(chars);
        }
        chars.flip();
        return chars.toString();
    }

    private static int lineAt(CharSequence text, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static List<Line> headLines(String text, boolean complete) {
        List<Line> lines = new ArrayList<>();
        int number = 0;
        int start = 0;
        while (start < text.length() && lines.size() < HEAD_LINES) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            number++;
            boolean cut = end == text.length() && !complete;
            String line = text.substring(start, end);
            if (!line.isBlank() && (!cut || lines.isEmpty())) {
                lines.add(new Line(number, line, cut));
            }
            if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
        return lines;
    }

    private record Magic(byte[] bytes, String what) {
        boolean matches(byte[] head) {
            if (head.length < bytes.length) {
                return false;
            }
            for (int i = 0; i < bytes.length; i++) {
                if (head[i] != bytes[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public String toString() {
        return formats.stream().map(RecordFormat::name).collect(Collectors.joining(", ", "FormatDetector[", "]"));
    }
}
