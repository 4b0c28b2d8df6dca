package org.querent.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.apache.spark.util.LongAccumulator;
import org.querent.common.QuerentException;
import org.querent.ingest.DatasetScanner;
import org.querent.ingest.ScanOptions;
import org.querent.ingest.ScannedItem;

/**
 * A dataset folder in Querent's layout, read by the app's own readers ({@link DatasetScanner#scanFile}) so that item
 * keys, texts and content hashes are the ones {@code querent import} stores. The driver lists the files; each task
 * reads its share, so the folder must be on a file system every executor mounts at the same path.
 */
final class FolderItems {
    private FolderItems() {
    }

    /**
     * Every file under {@code root} that a scan would visit, relative with '/' separators: hidden names (a leading
     * dot, at any depth) are skipped and links followed, as the app's walk does. Unsupported files are left to the
     * tasks, which count them.
     */
    static List<String> list(Path root) {
        if (!Files.isDirectory(root)) {
            throw QuerentException.notFound("the dataset folder " + root + " does not exist or is not a folder");
        }
        try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"))
                    .filter(relative -> Stream.of(relative.split("/")).noneMatch(part -> part.startsWith(".")))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw QuerentException.notFound("cannot list the dataset folder " + root + ": " + e.getMessage()
                    + ". Check that it exists and that you may read it.");
        }
    }

    /** The items of the listed files, one file read at a time; quarantined items and unsupported files are counted. */
    static Iterator<SourceItem> items(Path root, ScanOptions options, Iterator<String> relativePaths,
                                      LongAccumulator skipped) {
        DatasetScanner scanner = new DatasetScanner();
        return new Iterator<>() {
            private final Deque<SourceItem> pending = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && relativePaths.hasNext()) {
                    pending.addAll(read(scanner, root, relativePaths.next(), options, skipped));
                }
                return !pending.isEmpty();
            }

            @Override
            public SourceItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pending.removeFirst();
            }
        };
    }

    static List<SourceItem> read(DatasetScanner scanner, Path root, String relative, ScanOptions options,
                                 LongAccumulator skipped) {
        int slash = relative.lastIndexOf('/');
        String folder = slash < 0 ? "" : relative.substring(0, slash + 1);
        Path file = root.resolve(relative);
        List<SourceItem> items = new ArrayList<>();
        try {
            scanner.scanFile(file, options, (ScannedItem item) -> {
                if (item.quarantined()) {
                    skipped.add(1);
                    return;
                }
                // scanFile names items after the file alone; the folder scan's key is the path from the root.
                String key = folder + item.key();
                items.add(new SourceItem(key, item.contentHash(), item.kind(), item.text(),
                        item.row() < 0 ? file.toAbsolutePath().toString() : null));
            });
        } catch (QuerentException e) {
            skipped.add(1); // not a format Querent reads, or gone since the listing
        }
        return items;
    }
}
