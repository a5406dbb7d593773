package io.abstractcatalog.ingest.bucket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A folder on the local file system; sub-folders become key prefixes ({@code 2024/march/page.txt}). */
public final class LocalFolderBucket implements Bucket {

    private final String name;
    private final Path root;
    private final Duration watchQuietPeriod;

    /**
     * @param watchQuietPeriod how long the folder must stay quiet after a change before the watch calls back: a file
     *                         being copied fires events for every block written, and one scan at the end is enough
     */
    public LocalFolderBucket(String name, Path root, Duration watchQuietPeriod) {
        this.name = name;
        this.root = root.toAbsolutePath().normalize();
        this.watchQuietPeriod = watchQuietPeriod;
    }

    /** Creates the folder when it is missing, so a fresh install works without a manual step. */
    public static LocalFolderBucket createIfMissing(String name, Path root, Duration watchQuietPeriod) throws IOException {
        Files.createDirectories(root);
        return new LocalFolderBucket(name, root, watchQuietPeriod);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public List<BucketObject> list() throws IOException {
        List<BucketObject> objects = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                // Hidden folders (.git, editors' and sync tools' scratch space) never hold dropped files.
                return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    objects.add(new BucketObject(keyOf(file), attributes.size(), attributes.lastModifiedTime().toInstant()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // A file deleted between the directory read and its stat is simply gone; anything else is real.
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        objects.sort(Comparator.comparing(BucketObject::key));
        return objects;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    @Override
    public Optional<BucketObject> stat(String key) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(pathOf(key), BasicFileAttributes.class);
            return attributes.isRegularFile()
                    ? Optional.of(new BucketObject(key, attributes.size(), attributes.lastModifiedTime().toInstant()))
                    : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Moves the staged file into place with one atomic rename: the folder never holds it half-written. */
    @Override
    public void put(String key, Path content) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Files.move(content, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code .uploads/} in the bucket folder: same file system (so the final rename is atomic), hidden from scans. */
    @Override
    public Path stagingFolder() throws IOException {
        return Files.createDirectories(root.resolve(".uploads"));
    }

    @Override
    public void probe() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("bucket folder " + root + " does not exist");
        }
        if (!Files.isReadable(root)) {
            throw new IOException("bucket folder " + root + " is not readable");
        }
        try (var entries = Files.newDirectoryStream(root)) {
            entries.iterator().hasNext();
        }
    }

    @Override
    public Watch watch(Runnable onChange) {
        return FolderWatch.start(root, watchQuietPeriod, onChange);
    }

    /** The file behind a key; refuses keys that would leave the folder ({@code ../etc/passwd}). */
    Path pathOf(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("key outside the bucket folder: " + key);
        }
        return path;
    }

    private String keyOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }
}
