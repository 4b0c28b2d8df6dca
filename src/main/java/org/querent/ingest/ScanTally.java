package org.querent.ingest;

import org.querent.common.ItemKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts what a scan delivers, to build the {@link ScanResult}. */
final class ScanTally {
    private final Map<ItemKind, Integer> readable = new EnumMap<>(ItemKind.class);
    private final List<QuarantinedItem> quarantined = new ArrayList<>();
    private int unchangedFiles;
    private int filesRead;

    void item(ScannedItem item) {
        if (item.quarantined()) {
            quarantined.add(new QuarantinedItem(item.key(), item.quarantineReason()));
        } else {
            readable.merge(item.kind(), 1, Integer::sum);
        }
    }

    void unchangedFile() {
        unchangedFiles++;
    }

    void fileRead() {
        filesRead++;
    }

    ScanResult result(DatasetWalker.Listing listing, List<String> removed, Duration elapsed) {
        List<QuarantinedItem> problems = new ArrayList<>(quarantined);
        problems.addAll(listing.unreadableFolders());
        // A folder that cannot be listed now has not lost its files: its known items stay, they are not "removed".
        List<String> prefixes = listing.unreadableFolders().stream().map(QuarantinedItem::key).toList();
        List<String> gone = removed.stream().filter(key -> prefixes.stream().noneMatch(key::startsWith)).toList();
        return new ScanResult(readable, problems, listing.unsupported(), unchangedFiles, filesRead, gone,
                listing.unreadableFolders(), elapsed);
    }
}
