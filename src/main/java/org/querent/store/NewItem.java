package org.querent.store;

import org.querent.common.ItemKind;
import org.querent.common.audio.AudioFacts;

/**
 * An item as an import found it, ready to be inserted or to update the stored one with the same key.
 *
 * @param key              path, or path#row for a row of a .csv/.jsonl
 * @param size             bytes of the item (a row: of its text)
 * @param fileSize         bytes of the whole file, to tell an unchanged file at the next import
 * @param quarantineReason null when the item is usable
 * @param audio            sample rate, channels, length and codec of an audio clip; null for other items
 */
public record NewItem(String key, String path, int row, ItemKind kind, String source, long size,
                      long fileSize, long modifiedMillis, String contentHash, String body, String folderLabel,
                      String quarantineReason, AudioFacts audio) {

    public NewItem(String key, String path, int row, ItemKind kind, String source, long size, long fileSize,
                   long modifiedMillis, String contentHash, String body, String folderLabel, String quarantineReason) {
        this(key, path, row, kind, source, size, fileSize, modifiedMillis, contentHash, body, folderLabel,
                quarantineReason, null);
    }
}
