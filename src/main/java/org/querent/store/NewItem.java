package org.querent.store;

import org.querent.common.ItemKind;

/**
 * An item as an import found it, ready to be inserted or to update the stored one with the same key.
 *
 * @param key              path, or path#row for a row of a .csv/.jsonl
 * @param quarantineReason null when the item is usable
 */
public record NewItem(String key, String path, int row, ItemKind kind, String source, long size,
                      long modifiedMillis, String contentHash, String body, String folderLabel,
                      String quarantineReason) {
}
