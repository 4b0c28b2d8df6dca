package org.querent.store;

import org.querent.common.ItemKind;
import org.querent.common.audio.AudioFacts;

/**
 * An item as the project knows it.
 *
 * @param id          stable id inside the project
 * @param key         path relative to the dataset root, or path#row for a row of a .csv/.jsonl
 * @param body        decoded text for text items, null for images
 * @param folderLabel the class sub-folder it sits in (ground truth, kept apart from decisions)
 * @param state       active, quarantined or removed
 * @param duplicateOf the id of the first item with the same content, or null
 * @param audio       what an audio clip is (rate, channels, length), null for other items
 */
public record ItemRecord(long id, String key, String path, int row, ItemKind kind, String source, long size,
                         String contentHash, String body, String folderLabel, String state,
                         String quarantineReason, Long duplicateOf, AudioFacts audio) {

    public boolean active() {
        return "active".equals(state);
    }
}
