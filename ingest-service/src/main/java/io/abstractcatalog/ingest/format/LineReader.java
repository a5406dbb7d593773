package io.abstractcatalog.ingest.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a UTF-8 stream line by line with flat memory: {@code \n}, {@code \r\n} and {@code \r} end a line, a leading
 * byte-order mark is dropped, a missing final newline is fine, and a line longer than the limit is cut (and marked)
 * instead of filling the heap. Bytes that are not UTF-8 fail the file with the exact line they are on: decoding is
 * done here rather than by an {@code InputStreamReader}, which reports the error a buffer ahead of the line.
 */
public final class LineReader implements Closeable {

    private static final int BUFFER = 8192;

    private final InputStream in;
    private final int maxLineLength;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private final Deque<Line> lookahead = new ArrayDeque<>();

    private boolean inputDone;
    private boolean decoderFlushed;
    private boolean malformedAhead;
    private boolean atStart = true;
    private boolean skipLineFeed;
    private int lineNumber;

    private LineReader(InputStream in, int maxLineLength) {
        this.in = in;
        this.maxLineLength = maxLineLength;
    }

    public static LineReader utf8(InputStream in, int maxLineLength) {
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be positive: " + maxLineLength);
        }
        return new LineReader(in, maxLineLength);
    }

    public int maxLineLength() {
        return maxLineLength;
    }

    /** The next line, or {@code null} at the end of the stream. */
    public Line next() throws IOException {
        return lookahead.isEmpty() ? readLine() : lookahead.poll();
    }

    /**
     * Up to {@code count} non-blank lines from the current position, without consuming anything: format detection
     * looks at the head of the file and the chosen format then parses it from the first line.
     */
    public List<Line> peekNonBlank(int count) throws IOException {
        List<Line> head = new ArrayList<>();
        for (Line line : lookahead) {
            if (!line.isBlank()) {
                head.add(line);
            }
        }
        while (head.size() < count) {
            Line line = readLine();
            if (line == null) {
                break;
            }
            lookahead.add(line);
            if (!line.isBlank()) {
                head.add(line);
            }
        }
        return head;
    }

    /** How many lines have been read from the stream so far (peeked lines included). */
    public int linesRead() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Scans the decoded buffer for the line's end and copies whole runs of characters, not one at a time. */
    private Line readLine() throws IOException {
        StringBuilder text = new StringBuilder();
        boolean truncated = false;
        boolean started = false;
        while (true) {
            if (!chars.hasRemaining() && !fill()) {
                return started ? new Line(++lineNumber, text.toString(), truncated) : null;
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (chars.get(chars.position()) == '\n') {
                    chars.get();
                    continue;
                }
            }
            started = true;
            char[] array = chars.array();
            int offset = chars.arrayOffset();
            int start = chars.position();
            int end = start;
            while (end < chars.limit() && array[offset + end] != '\n' && array[offset + end] != '\r') {
                end++;
            }
            int room = maxLineLength - text.length();
            if (end - start > room) {
                truncated = true;
            }
            text.append(array, offset + start, Math.min(room, end - start));
            if (end < chars.limit()) {
                skipLineFeed = array[offset + end] == '\r';
                chars.position(end + 1);
                return new Line(++lineNumber, text.toString(), truncated);
            }
            chars.position(end);
        }
    }

    /** Decodes the next chunk into {@code chars}; false at the end of the input. */
    private boolean fill() throws IOException {
        if (malformedAhead) {
            throw new UnreadableFileException("not valid UTF-8 text at line " + (lineNumber + 1), lineNumber + 1);
        }
        if (decoderFlushed) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0) {
            CoderResult result = decoder.decode(bytes, chars, inputDone);
            if (result.isError()) {
                // What was decoded before the bad bytes is still handed out; the next fill reports them.
                malformedAhead = true;
                break;
            }
            if (result.isOverflow()) {
                break;
            }
            if (inputDone) {
                if (!decoderFlushed) {
                    decoder.flush(chars);
                    decoderFlushed = true;
                }
                break;
            }
            readMoreBytes();
        }
        chars.flip();
        if (atStart && chars.hasRemaining()) {
            atStart = false;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get(); // byte-order mark: an editor's signature, not content
            }
        }
        if (!chars.hasRemaining() && malformedAhead) {
            return fill();
        }
        return chars.hasRemaining() || (!inputDone && fill());
    }

    private void readMoreBytes() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (read < 0) {
            inputDone = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }
}
