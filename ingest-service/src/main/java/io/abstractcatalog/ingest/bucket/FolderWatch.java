package io.abstractcatalog.ingest.bucket;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Watches a folder tree with the platform's file notifications and calls back once the tree has been quiet for a
 * moment. It only makes discovery fast: a missed event (a folder created and filled before it was registered, an
 * overflow) costs nothing but latency, because the periodic rescan finds the file anyway.
 */
final class FolderWatch implements Bucket.Watch {

    private static final Logger LOG = Logger.getLogger(FolderWatch.class);

    private final Path root;
    private final WatchService service;
    private final Duration quietPeriod;
    private final Runnable onChange;
    private final Thread thread;

    private FolderWatch(Path root, WatchService service, Duration quietPeriod, Runnable onChange) {
        this.root = root;
        this.service = service;
        this.quietPeriod = quietPeriod;
        this.onChange = onChange;
        this.thread = new Thread(this::run, "bucket-watch");
        this.thread.setDaemon(true);
    }

    @Override
    public String state() {
        return "watching the folder: a scan follows new files once they are quiet for " + quietPeriod.toMillis() + " ms";
    }

    static FolderWatch start(Path root, Duration quietPeriod, Runnable onChange) {
        try {
            FolderWatch watch = new FolderWatch(root, root.getFileSystem().newWatchService(), quietPeriod, onChange);
            watch.registerTree(root);
            watch.thread.start();
            return watch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + root, e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debugf(e, "closing the watch on %s", root);
        }
    }

    private void run() {
        try {
            while (true) {
                drain(service.take());
                // Wait for quiet: one callback after a burst of writes instead of one per block.
                WatchKey next;
                while ((next = service.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(next);
                }
                onChange.run();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            LOG.debugf("stopped watching %s", root);
        } catch (RuntimeException e) {
            LOG.warnf(e, "watching %s stopped; the periodic rescan still finds new files", root);
        }
    }

    private void drain(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (var event : key.pollEvents()) {
            if (event.kind() == ENTRY_CREATE && event.context() instanceof Path name) {
                Path created = dir.resolve(name);
                if (Files.isDirectory(created) && !name.toString().startsWith(".")) {
                    registerQuietly(created);
                }
            } else if (event.kind() == OVERFLOW) {
                LOG.debugf("watch events overflowed under %s", root);
            }
        }
        key.reset();
    }

    private void registerQuietly(Path dir) {
        try {
            registerTree(dir);
        } catch (IOException e) {
            LOG.debugf(e, "cannot watch %s; the periodic rescan covers it", dir);
        }
    }

    private void registerTree(Path start) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dir.register(service, ENTRY_CREATE, ENTRY_MODIFY);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
