package io.abstractcatalog.loadtest.generate;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Real abstracts to learn from: a CSV with a header naming at least {@code abstract} (and optionally {@code title},
 * {@code authors}), such as the arXiv OAI sample's {@code arxiv_data.csv}. Whitespace is collapsed: the sample's
 * values are wrapped over several lines.
 */
public record Corpus(Path source, List<Entry> entries) {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("\\s*(?:,|\\band\\b)\\s*");

    public record Entry(String title, String abstractText, List<String> authors) {
    }

    public static Corpus read(Path csv) {
        List<Entry> entries = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String abstractText = collapse(row.get("abstract"));
                if (abstractText.isEmpty()) {
                    continue;
                }
                List<String> authors = new ArrayList<>();
                for (String name : AUTHOR_SEPARATOR.split(collapse(row.get("authors")))) {
                    // "C. Bal\'azs": LaTeX accents would be folded differently by each format; plain names only
                    if (name.length() > 3 && name.indexOf('\\') < 0 && name.indexOf('(') < 0) {
                        authors.add(name);
                    }
                }
                entries.add(new Entry(collapse(row.get("title")), abstractText, authors));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the abstracts corpus " + csv + ": " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(csv + " holds no abstracts (it needs a header with an 'abstract' column)");
        }
        return new Corpus(csv, List.copyOf(entries));
    }

    static String collapse(String text) {
        return text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
    }
}
