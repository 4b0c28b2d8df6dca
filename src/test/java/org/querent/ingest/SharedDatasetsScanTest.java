package org.querent.ingest;

import org.querent.common.ItemKind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;

/** Scans the real datasets shipped for development, when they are present: nothing in them is bad. */
class SharedDatasetsScanTest {

    private static final Path DATASETS = org.querent.SharedDatasets.root();

    @ParameterizedTest
    @CsvSource({"spam, TEXT, 2000", "mailing-lists, TEXT, 2664", "fashion-mnist, IMAGE, 3000",
            "spoken-languages, AUDIO, 500"})
    void realDatasetScansWithoutQuarantine(String name, ItemKind kind, int items) {
        Path root = DATASETS.resolve(name);
        org.querent.SharedDatasets.require(name);
        Map<String, KnownFile> known = new HashMap<>();
        ScanSink remember = new ScanSink() {
            @Override
            public void item(ScannedItem item, ItemChange change) {
                known.put(item.key(), new KnownFile(item.size(), item.modifiedMillis()));
            }
        };
        ScanResult result = new DatasetScanner().scan(root, ScanOptions.defaults(), Map.of(), remember,
                ProgressListener.NONE, Cancellation.none());
        ScanResult rescan = new DatasetScanner().scan(root, ScanOptions.defaults(), known, (item, change) -> { },
                ProgressListener.NONE, Cancellation.none());
        System.out.printf(Locale.ROOT, "%s rescan: %d unchanged files in %d ms%n", name, rescan.unchangedFiles(),
                rescan.elapsed().toMillis());
        assertEquals(items, rescan.unchangedFiles());
        System.out.printf(Locale.ROOT, "%s: %d items, %d quarantined %s, %d unsupported, %d ms, %.0f items/s%n",
                name, result.readableCount(), result.quarantinedCount(), result.quarantined(),
                result.unsupportedCount(), result.elapsed().toMillis(),
                (result.readableCount() + result.quarantinedCount()) * 1000.0
                        / Math.max(1, result.elapsed().toMillis()));
        assertEquals(java.util.List.of(), result.quarantined());
        assertEquals(items, result.readableCount(kind));
    }
}
