package io.abstractcatalog.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The sample files an end-to-end test drops into the bucket. */
final class SampleFiles {

    private SampleFiles() {
    }

    /** The given files, each folder replaced by its files in name order (a folder's README.md is not a sample). */
    static List<Path> of(List<Path> filesAndFolders) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : filesAndFolders) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> inFolder = Files.list(path)) {
                    inFolder.filter(f -> !f.getFileName().toString().equals("README.md")).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }
}
