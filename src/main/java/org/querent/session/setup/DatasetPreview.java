package org.querent.session.setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeSet;

import org.querent.common.Cancellation;
import org.querent.common.ItemKind;
import org.querent.common.ProgressListener;
import org.querent.ingest.DatasetScanner;
import org.querent.ingest.ItemChange;
import org.querent.ingest.ScanOptions;
import org.querent.ingest.ScanResult;
import org.querent.ingest.ScanSink;
import org.querent.ingest.ScannedItem;

/**
 * Scans a dataset folder and boils the items down to a {@link DatasetSummary}; slow (reads every file), so it
 * runs on a background lane. Item texts are dropped as they arrive so a big folder does not fill memory.
 */
public final class DatasetPreview {
    private final DatasetScanner scanner = new DatasetScanner();

    public DatasetSummary inspect(Path folder, ProgressListener progress, Cancellation cancel) {
        Tally tally = new Tally();
        ScanResult result = scanner.scan(folder, ScanOptions.defaults(), Map.of(), tally, progress, cancel);
        return new DatasetSummary(folder, tally.images, tally.texts, tally.rows, result.unsupported(),
                result.quarantined(), new ArrayList<>(tally.folders), tally.clips);
    }

    /** Counts per kind; rows of tables are told apart from whole text files by their row number. */
    private static final class Tally implements ScanSink {
        int images;
        int texts;
        int rows;
        int clips;
        final TreeSet<String> folders = new TreeSet<>();

        @Override
        public void item(ScannedItem item, ItemChange change) {
            if (item.quarantined()) {
                return; // the scan result lists them with reasons
            }
            if (item.kind() == ItemKind.IMAGE) {
                images++;
            } else if (item.kind() == ItemKind.AUDIO) {
                clips++;
            } else if (item.row() >= 0) {
                rows++;
            } else {
                texts++;
            }
            if (item.folderLabel() != null) {
                folders.add(item.folderLabel());
            }
        }
    }
}
