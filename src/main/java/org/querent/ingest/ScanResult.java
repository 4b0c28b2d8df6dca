package org.querent.ingest;

import org.querent.common.ItemKind;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The figures of one finished scan.
 *
 * @param readable       usable items delivered, per kind (rows count one each)
 * @param quarantined    items delivered as quarantined, plus folders that could not be listed, with their reasons
 * @param unsupported    files skipped because of their extension, per lower-case extension ("" when none)
 * @param unchangedFiles files not read again because their size and modification time were known
 * @param filesRead      supported files read (new or changed)
 * @param removed        known keys that this scan neither delivered nor confirmed unchanged, sorted (keys under a
 *                       folder that could not be listed are kept, not removed)
 * @param unreadableFolders folders that could not be listed (key "sub/folder/"), also among {@code quarantined}
 * @param elapsed        wall time of the scan
 */
public record ScanResult(Map<ItemKind, Integer> readable, List<QuarantinedItem> quarantined,
                         Map<String, Integer> unsupported, int unchangedFiles, int filesRead,
                         List<String> removed, List<QuarantinedItem> unreadableFolders, Duration elapsed) {

    public ScanResult {
        readable = Map.copyOf(readable);
        quarantined = List.copyOf(quarantined);
        unsupported = Map.copyOf(unsupported);
        removed = List.copyOf(removed);
        unreadableFolders = List.copyOf(unreadableFolders);
    }

    public int readableCount(ItemKind kind) {
        return readable.getOrDefault(kind, 0);
    }

    public int readableCount() {
        return readable.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int quarantinedCount() {
        return quarantined.size();
    }

    public int unsupportedCount() {
        return unsupported.values().stream().mapToInt(Integer::intValue).sum();
    }
}
