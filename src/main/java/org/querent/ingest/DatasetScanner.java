package org.querent.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.common.QuerentException;

/**
 * Turns a dataset folder into items: images (png, jpg/jpeg, bmp, gif), texts (txt, md), table rows (csv, jsonl) and
 * audio clips (wav, flac, mp3, ogg).
 * Files are visited in a sorted order, so two scans of the same folder deliver the same items in the same order.
 * A bad file or row never stops the scan: it is delivered as a quarantined item with a reason for the user.
 * Files whose size and modification time match the known map are not read again. Nothing is stored here: the
 * caller persists what the {@link ScanSink} receives. One scan runs on the calling thread; a scanner holds no state.
 * <p>
 * Every item carries the SHA-256 of its content (file bytes; for a row, its text in UTF-8; for a bad row, the raw
 * row), except a file that could not be opened at all, whose hash is null. Duplicates are the caller's to find.
 * An image's format is taken from its bytes, not its extension; only the first frame of a GIF is checked.
 */
public final class DatasetScanner {

    /**
     * Scans {@code root}.
     *
     * @param known    stamps from the previous scan, by item key (see {@link ScanSink#fileRead}); empty for a first scan
     * @param sink     receives new and changed items and unchanged files, in order
     * @param progress told the number of files done out of all supported files, with the current path
     * @param cancel   checked before each file; when set, the scan stops with a CANCELLED {@link QuerentException}
     *                 and no removals are reported (items already delivered stay delivered)
     * @return the figures, including the known keys that were removed
     * @throws QuerentException NOT_FOUND when the root is not a readable folder, CANCELLED when cancelled
     */
    public ScanResult scan(Path root, ScanOptions options, Map<String, KnownFile> known, ScanSink sink,
                           ProgressListener progress, Cancellation cancel) {
        long start = System.nanoTime();
        if (!Files.isDirectory(root)) {
            throw QuerentException.notFound("the dataset folder " + root + " does not exist or is not a folder");
        }
        DatasetWalker.Listing listing = DatasetWalker.list(root, cancel);
        KnownItems knownItems = new KnownItems(known);
        ScanTally tally = new ScanTally();
        int total = listing.files().size();
        int done = 0;
        for (FoundFile file : listing.files()) {
            progress.progress(done, total, file.path());
            cancel.throwIfCancelled();
            KnownItems.FileStatus status = knownItems.status(file);
            if (status == KnownItems.FileStatus.UNCHANGED) {
                knownItems.unchanged(file);
                tally.unchangedFile();
                sink.unchanged(file.path(), file.stamp());
            } else {
                ItemChange change = status == KnownItems.FileStatus.NEW ? ItemChange.NEW : ItemChange.CHANGED;
                sink.fileStarted(file.path(), file.stamp());
                read(file, options, item -> {
                    knownItems.delivered(item.key());
                    tally.item(item);
                    sink.item(item, change);
                });
                tally.fileRead();
                sink.fileRead(file.path(), file.stamp());
            }
            done++;
        }
        progress.progress(total, total, "");
        return tally.result(listing, knownItems.removed(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Scans with no known items: every file is new. */
    public ScanResult scan(Path root, ScanOptions options, Consumer<ScannedItem> items) {
        return scan(root, options, Map.of(), (item, change) -> items.accept(item), ProgressListener.NONE,
                Cancellation.none());
    }

    /**
     * Reads one file as a scan of its folder would (a .csv or .jsonl gives one item per row); its items' paths are
     * the file name.
     *
     * @throws QuerentException USAGE when the file is not of a format Querent reads, NOT_FOUND when it is missing
     */
    public void scanFile(Path file, ScanOptions options, Consumer<ScannedItem> items) {
        if (!Files.isRegularFile(file)) {
            throw QuerentException.notFound("no such file: " + file);
        }
        String name = file.getFileName().toString();
        FileFormat format = FileFormat.of(name).orElseThrow(() -> QuerentException.usage(name + " is not a file Querent"
                + " reads (png, jpg, bmp, gif, txt, md, csv with a text column, jsonl with a text field)"));
        long size;
        long modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw QuerentException.notFound("cannot read " + file + ": " + DatasetWalker.describe(e));
        }
        read(new FoundFile(file, name, format, size, modified, null), options, items);
    }

    private static void read(FoundFile file, ScanOptions options, Consumer<ScannedItem> out) {
        if (file.statProblem() != null) {
            out.accept(file.quarantined(0, null, file.statProblem()));
            return;
        }
        try {
            ItemReader.forFormat(file.format()).read(file, options, out);
        } catch (IOException e) {
            // Readers only throw before delivering anything, so the file is reported once.
            out.accept(file.quarantined(Math.max(file.size(), 0), null,
                    "file could not be read: " + DatasetWalker.describe(e)));
        }
    }
}
