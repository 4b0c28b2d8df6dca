package org.querent.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

import org.querent.common.ItemKind;

/**
 * A quick look at a dataset folder by file names alone (nothing is read): how many files of each item
 * kind it holds and its class sub-folders. Enough to refuse a model that cannot read the data before a
 * project is made, and to take labels from folder names.
 */
public final class DatasetKinds {
    private final Map<ItemKind, Integer> files;
    private final TreeSet<String> classFolders;

    private DatasetKinds(Map<ItemKind, Integer> files, TreeSet<String> classFolders) {
        this.files = files;
        this.classFolders = classFolders;
    }

    public static DatasetKinds of(Path root) {
        Map<ItemKind, Integer> files = new EnumMap<>(ItemKind.class);
        TreeSet<String> folders = new TreeSet<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return !dir.equals(root) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    FileFormat.of(file.getFileName().toString()).ifPresent(format -> {
                        files.merge(format.kind(), 1, Integer::sum);
                        Path relative = root.relativize(file);
                        if (relative.getNameCount() >= 2) {
                            folders.add(relative.getName(0).toString());
                        }
                    });
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // the import reports unreadable folders
                }
            });
        } catch (IOException e) {
            // Counted what could be seen; the import gives the details.
        }
        return new DatasetKinds(files, folders);
    }

    public int count(ItemKind kind) {
        return files.getOrDefault(kind, 0);
    }

    /** First-level sub-folders holding at least one supported file, sorted. */
    public java.util.List<String> classFolders() {
        return java.util.List.copyOf(classFolders);
    }
}
