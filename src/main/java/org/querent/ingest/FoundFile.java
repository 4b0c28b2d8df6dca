package org.querent.ingest;

import java.nio.file.Path;

/**
 * A supported file found by the walk, with what every item made from it shares.
 *
 * @param file        absolute path, to read
 * @param path        path relative to the root with '/' separators (the item key)
 * @param format      decided by the extension
 * @param size        size in bytes, or -1 when the file could not even be looked at (a broken link)
 * @param modifiedMillis modification time, 0 when unknown
 * @param statProblem why the file could not be looked at, or null
 */
record FoundFile(Path file, String path, FileFormat format, long size, long modifiedMillis, String statProblem) {

    KnownFile stamp() {
        return new KnownFile(size, modifiedMillis);
    }

    /** The parent folder relative to the root, "" at the root. */
    String source() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The first folder under the root (the class in a ROOT/label/file layout), null for files at the root. */
    String folderLabel() {
        int slash = path.indexOf('/');
        return slash < 0 ? null : path.substring(0, slash);
    }

    ScannedItem item(long itemSize, String hash, String text) {
        return new ScannedItem(path, -1, format.kind(), source(), itemSize, modifiedMillis, hash, text,
                folderLabel(), null, null);
    }

    ScannedItem quarantined(long itemSize, String hash, String reason) {
        return new ScannedItem(path, -1, format.kind(), source(), itemSize, modifiedMillis, hash, null,
                folderLabel(), reason, null);
    }

    ScannedItem audio(long itemSize, String hash, org.querent.common.audio.AudioFacts facts) {
        return new ScannedItem(path, -1, format.kind(), source(), itemSize, modifiedMillis, hash, null,
                folderLabel(), null, facts);
    }

    ScannedItem row(int row, long itemSize, String hash, String text) {
        return new ScannedItem(path, row, format.kind(), source(), itemSize, modifiedMillis, hash, text,
                folderLabel(), null, null);
    }

    ScannedItem quarantinedRow(int row, long itemSize, String hash, String reason) {
        return new ScannedItem(path, row, format.kind(), source(), itemSize, modifiedMillis, hash, null,
                folderLabel(), reason, null);
    }
}
