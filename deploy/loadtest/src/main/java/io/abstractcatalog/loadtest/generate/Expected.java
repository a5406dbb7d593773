package io.abstractcatalog.loadtest.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the catalog should hold once every generated file is in: {@code expected.json}, written next to the
 * {@code files/} folder (not inside it, so dropping the folder's content drops only data files).
 */
public record Expected(long seed, int files, int recordsPerFile, int records, int works, int originals,
                       int exactCopies, int nearCopies, Map<String, Integer> filesPerFormat,
                       Map<String, Integer> nearCopyEdits, int copiesInTheirOriginalsFile, String corpus) {

    public static final String FILE_NAME = "expected.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(Path file) {
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Expected read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Expected.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
