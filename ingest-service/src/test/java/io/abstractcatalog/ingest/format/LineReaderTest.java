package io.abstractcatalog.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            LF                        | a\\nb\\n
            CRLF                      | a\\r\\nb\\r\\n
            old Mac CR                | a\\rb\\r
            missing final newline     | a\\nb
            byte-order mark           | \\uFEFFa\\nb\\n
            CRLF, BOM, no final break | \\uFEFFa\\r\\nb
            """)
    void lineEndsAndByteOrderMarkLeaveOnlyTheText(String name, String escaped) {
        assertThat(texts(unescape(escaped).getBytes(StandardCharsets.UTF_8), 100)).containsExactly("a", "b");
    }

    @Test
    void blankLinesAreKeptAndNumbered() {
        List<Line> lines = read("a\r\n\r\n\nb".getBytes(StandardCharsets.UTF_8), 100);

        assertThat(lines).extracting(Line::number).containsExactly(1, 2, 3, 4);
        assertThat(lines).extracting(Line::text).containsExactly("a", "", "", "b");
    }

    @Test
    void emptyStreamHasNoLines() {
        assertThat(read(new byte[0], 100)).isEmpty();
    }

    @Test
    void lineLongerThanTheLimitIsCutAndMarkedAndTheNextLineIsIntact() {
        List<Line> lines = read(("x".repeat(50_000) + "\nnext\n").getBytes(StandardCharsets.UTF_8), 10);

        assertThat(lines.get(0).text()).isEqualTo("x".repeat(10));
        assertThat(lines.get(0).truncated()).isTrue();
        assertThat(lines.get(1)).isEqualTo(new Line(2, "next", false));
    }

    @Test
    void multiByteCharactersAcrossBufferBoundariesDecode() {
        String text = "é".repeat(10_000) + "μ" + "\n" + "Nyströmformer";

        assertThat(texts(text.getBytes(StandardCharsets.UTF_8), 20_000)).containsExactly("é".repeat(10_000) + "μ", "Nyströmformer");
    }

    @Test
    void invalidUtf8FailsAtTheLineThatHoldsIt() {
        byte[] good = ("ok\n".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 4];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = 'b';
        bytes[good.length + 1] = (byte) 0xC3; // a lone lead byte
        bytes[good.length + 2] = '(';
        bytes[good.length + 3] = '\n';

        assertThatThrownBy(() -> read(bytes, 100))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("not valid UTF-8 text at line 5001");
    }

    @Test
    void truncatedSequenceAtTheEndIsInvalid() {
        byte[] bytes = {'a', '\n', (byte) 0xE2, (byte) 0x82};

        assertThatThrownBy(() -> read(bytes, 100)).hasMessage("not valid UTF-8 text at line 2");
    }

    @Test
    void peekedLinesAreReadAgain() throws IOException {
        try (LineReader reader = LineReader.utf8(new ByteArrayInputStream("\na\n\nb\nc\n".getBytes(StandardCharsets.UTF_8)), 100)) {
            assertThat(reader.peekNonBlank(2)).extracting(Line::text).containsExactly("a", "b");
            assertThat(reader.peekNonBlank(3)).extracting(Line::text).containsExactly("a", "b", "c");

            assertThat(reader.next()).isEqualTo(new Line(1, "", false));
            assertThat(reader.next()).isEqualTo(new Line(2, "a", false));
        }
    }

    private static List<String> texts(byte[] bytes, int max) {
        return read(bytes, max).stream().map(Line::text).toList();
    }

    private static List<Line> read(byte[] bytes, int max) {
        List<Line> lines = new ArrayList<>();
        try (LineReader reader = LineReader.utf8(new ByteArrayInputStream(bytes), max)) {
            for (Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\r", "\r").replace("\\uFEFF", "\uFEFF");
    }
}
