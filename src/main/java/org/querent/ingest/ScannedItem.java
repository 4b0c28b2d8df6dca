package org.querent.ingest;

import org.querent.common.ItemKind;
import org.querent.common.audio.AudioFacts;

/**
 * One item found in a dataset folder.
 *
 * @param path         path relative to the dataset root, with '/' separators
 * @param row          row number (0-based, data rows only) inside a .csv/.jsonl file, or -1 for a whole file
 * @param kind         image or text
 * @param source       the sub-folder the file sits in, relative to the root ("" at the root)
 * @param size         file size in bytes (for a row: the row's text length in UTF-8 bytes)
 * @param modifiedMillis file modification time
 * @param contentHash  SHA-256 hex of the content (file bytes, or the row's text in UTF-8)
 * @param text         the decoded text of a text item (null for images)
 * @param folderLabel  name of the first-level sub-folder (the class in DIR/label/file layout), or null at root
 * @param quarantineReason null when readable, otherwise why it cannot be used (shown to the user)
 * @param audio        sample rate, channels and length of a readable audio clip; null for other items
 */
public record ScannedItem(String path, int row, ItemKind kind, String source, long size, long modifiedMillis,
                          String contentHash, String text, String folderLabel, String quarantineReason,
                          AudioFacts audio) {

    public boolean quarantined() {
        return quarantineReason != null;
    }

    /** A stable key of the item inside its dataset: the path, plus "#row" for tabular rows. */
    public String key() {
        return row < 0 ? path : path + "#" + row;
    }
}
