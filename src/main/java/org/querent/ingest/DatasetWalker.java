package org.querent.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.querent.common.Cancellation;
import org.querent.common.QuerentException;

/**
 * Lists a dataset folder recursively, in a sorted order that is the same on every platform (names compared as
 * strings, so "B" before "a"). Hidden entries (dot-prefixed) are skipped; symbolic links are followed, but a link
 * back to a folder already on the current path (a loop) is not.
 */
final class DatasetWalker {

    /** Everything the walk saw: supported files in order, other files counted per extension, unlistable folders. */
    record Listing(List<FoundFile> files, Map<String, Integer> unsupported, List<QuarantinedItem> unreadableFolders) {
    }

    private final Cancellation cancel;
    private final List<FoundFile> files = new ArrayList<>();
    private final Map<String, Integer> unsupported = new TreeMap<>();
    private final List<QuarantinedItem> unreadableFolders = new ArrayList<>();
    private final Deque<Path> foldersOnPath = new ArrayDeque<>();

    private DatasetWalker(Cancellation cancel) {
        this.cancel = cancel;
    }

    static Listing list(Path root, Cancellation cancel) {
        DatasetWalker walker = new DatasetWalker(cancel);
        List<Path> children;
        try {
            children = sortedChildren(root);
        } catch (IOException e) {
            throw QuerentException.notFound("cannot list the dataset folder " + root + ": " + e.getMessage()
                    + ". Check that it exists and that you may read it.");
        }
        walker.walkFolder(root, "", children);
        return new Listing(walker.files, walker.unsupported, walker.unreadableFolders);
    }

    private void walkFolder(Path folder, String relative, List<Path> children) {
        cancel.throwIfCancelled();
        foldersOnPath.push(realPath(folder));
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            String childRelative = relative.isEmpty() ? name : relative + "/" + name;
            visit(child, childRelative);
        }
        foldersOnPath.pop();
    }

    private void visit(Path entry, String relative) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class);
        } catch (IOException e) {
            // Most often a link whose target is gone: worth telling the user if it looked like a dataset file.
            FileFormat.of(relative).ifPresent(format -> files.add(
                    new FoundFile(entry, relative, format, -1, 0, "file could not be read: " + describe(e))));
            return;
        }
        if (attributes.isDirectory()) {
            visitFolder(entry, relative);
        } else if (attributes.isRegularFile()) {
            Optional<FileFormat> format = FileFormat.of(entry.getFileName().toString());
            if (format.isPresent()) {
                files.add(new FoundFile(entry, relative, format.get(), attributes.size(),
                        attributes.lastModifiedTime().toMillis(), null));
            } else {
                unsupported.merge(FileFormat.extension(entry.getFileName().toString()), 1, Integer::sum);
            }
        }
        // Devices, pipes and sockets are neither items nor worth a count: reading a pipe would block the scan.
    }

    private void visitFolder(Path folder, String relative) {
        if (foldersOnPath.contains(realPath(folder))) {
            return; // a symbolic link loop
        }
        try {
            walkFolder(folder, relative, sortedChildren(folder));
        } catch (IOException e) {
            unreadableFolders.add(new QuarantinedItem(relative + "/", "folder could not be read: " + describe(e)));
        }
    }

    private static List<Path> sortedChildren(Path folder) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(children::add);
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return children;
    }

    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        String message = e.getMessage() == null ? "" : e.getMessage();
        switch (kind) {
            case "NoSuchFile": return "it does not exist (a broken link?)";
            case "AccessDenied": return "permission denied";
            default: return message.isEmpty() ? kind : message;
        }
    }
}
