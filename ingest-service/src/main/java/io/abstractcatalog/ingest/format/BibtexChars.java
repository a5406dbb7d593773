package io.abstractcatalog.ingest.format;

import java.io.IOException;

/** The characters of the file with their line numbers; a line cut by the reader's limit is reported. */
final class BibtexChars {

    private final LineReader lines;
    private String text = "";
    private int pos;
    private int number;
    private boolean cut;
    private boolean lineCut;
    private boolean atLineStart = true;
    private boolean eof;

    BibtexChars(LineReader lines) {
        this.lines = lines;
        pos = 1; // past the virtual newline before line 1
        text = "";
    }

    /** The next character ({@code '\n'} ends every line), or -1 at the end. */
    int next() throws IOException {
        if (eof) {
            return -1;
        }
        if (pos > text.length()) {
            Line line = lines.next();
            if (line == null) {
                eof = true;
                return -1;
            }
            text = line.text();
            number = line.number();
            cut = cut || line.truncated();
            lineCut = line.truncated();
            pos = 0;
        }
        atLineStart = pos == 0;
        return pos == text.length() ? pos++ * 0 + '\n' : text.charAt(pos++);
    }

    int peek() throws IOException {
        int c = next();
        if (c >= 0) {
            pos--;
        }
        return c;
    }

    /** The last character returned started its line, leading whitespace aside. */
    boolean onlyBlanksBefore() {
        return atLineStart || text.substring(0, Math.max(0, pos - 1)).isBlank();
    }

    int line() {
        return Math.max(number, 1);
    }

    /** The current line was cut by the reader's limit. */
    boolean lineCut() {
        return lineCut;
    }

    /** Whether a line was cut since the last call (its end, and any brace in it, is lost). */
    boolean takeCut() {
        boolean was = cut;
        cut = false;
        return was;
    }
}
