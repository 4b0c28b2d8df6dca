package org.querent.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.ingest.ItemChange;
import org.querent.ingest.KnownFile;
import org.querent.ingest.ScanSink;
import org.querent.ingest.ScannedItem;
import org.querent.project.Project;
import org.querent.store.FileStamp;
import org.querent.store.ItemRepository.Change;
import org.querent.store.NewItem;

/**
 * Stores what a scan delivers, {@value #BATCH} items to a transaction, across files and inside one large file, so
 * that neither a folder of 100,000 files nor a million-row CSV costs a transaction per file or the file in memory.
 * <p>
 * Why a kill or a cancel mid-import leaves a project that the next import completes: an item is stored with its
 * file's stamp (size and modification time), and the next scan skips a file only when every stored item of it
 * carries that stamp. A file whose items go out in more than one transaction has its first item stored with a
 * provisional size ({@value #PROVISIONAL}), which no file has; the transaction that stores the file's last item
 * also restamps the first. Until then the file reads as changed, is read again, and its stored rows are updated
 * in place by their keys (no duplicates).
 */
final class ImportWriter implements ScanSink {
    static final int BATCH = 20_000;
    static final long PROVISIONAL = -1;
    private static final int PROGRESS_EVERY = 1_000;

    private final Project project;
    private final Map<String, Integer> liveByPath;
    private final Cancellation cancel;
    private final ProgressListener progress;
    private final List<NewItem> pending = new ArrayList<>();
    private final Map<String, FileStamp> restamps = new HashMap<>();
    final int[] counts = new int[3]; // added, changed, unchanged

    private long filesDone;
    private long filesTotal = -1;
    private String path;
    private KnownFile stamp;
    private int firstOfFile = -1; // index in pending of the open file's first item, -1 once stored
    private String provisionalKey;
    private long itemsOfFile;
    private final int itemsBefore;
    private long delivered;
    private boolean indexSuspended;

    /** @param liveByPath live items per file path, to count the items of unchanged files without a query each */
    ImportWriter(Project project, Map<String, Integer> liveByPath, ProgressListener progress, Cancellation cancel) {
        this.project = project;
        this.liveByPath = liveByPath;
        this.progress = progress;
        this.cancel = cancel;
        this.itemsBefore = project.items().countAll();
    }

    /** The scanner's progress (files), remembered so rows of a large file can be reported against it. */
    ProgressListener fileProgress() {
        return (done, total, message) -> {
            filesDone = done;
            filesTotal = total;
            progress.progress(done, total, message);
        };
    }

    @Override
    public void fileStarted(String path, KnownFile stamp) {
        this.path = path;
        this.stamp = stamp;
        this.firstOfFile = pending.size();
        this.provisionalKey = null;
        this.itemsOfFile = 0;
    }

    @Override
    public void item(ScannedItem s, ItemChange change) {
        pending.add(new NewItem(s.key(), s.path(), s.row(), s.kind(), s.source(), s.size(), stamp.size(),
                stamp.modifiedMillis(), s.contentHash() == null ? "unreadable:" + s.key() : s.contentHash(), s.text(),
                s.folderLabel(), s.quarantineReason(), s.audio()));
        delivered++;
        if (++itemsOfFile % PROGRESS_EVERY == 0) {
            progress.progress(filesDone, filesTotal, String.format("%s, row %,d", path, itemsOfFile));
            cancel.throwIfCancelled();
        }
        if (pending.size() >= BATCH) {
            flush(true);
        }
    }

    @Override
    public void unchanged(String path, KnownFile stamp) {
        counts[2] += liveByPath.getOrDefault(path, 0);
    }

    @Override
    public void fileRead(String path, KnownFile stamp) {
        if (provisionalKey != null) {
            restamps.put(provisionalKey, new FileStamp(stamp.size(), stamp.modifiedMillis()));
        }
        this.path = null;
        this.firstOfFile = -1;
        if (pending.size() >= BATCH) {
            flush(false);
        }
    }

    /** Stores the rest; call once after the scan returns. */
    void finish() {
        flush(false);
    }

    /** Builds the content index again if this import dropped it; call after {@link #finish}, or when the scan fails. */
    void restoreIndex() {
        if (indexSuspended) {
            project.items().restoreContentIndex();
            indexSuspended = false;
        }
    }

    private void flush(boolean insideFile) {
        if (pending.isEmpty() && restamps.isEmpty()) {
            return;
        }
        cancel.throwIfCancelled();
        if (insideFile && firstOfFile >= 0 && firstOfFile < pending.size()) {
            NewItem first = pending.get(firstOfFile);
            pending.set(firstOfFile, new NewItem(first.key(), first.path(), first.row(), first.kind(), first.source(),
                    first.size(), PROVISIONAL, first.modifiedMillis(), first.contentHash(), first.body(),
                    first.folderLabel(), first.quarantineReason(), first.audio()));
            provisionalKey = first.key();
        }
        if (!indexSuspended && pending.size() >= BATCH && delivered > itemsBefore) {
            // A bulk load at least as large as the table was: cheaper to build the index once at the end.
            project.items().suspendContentIndex();
            indexSuspended = true;
        }
        for (Change c : project.items().upsert(pending, restamps).values()) {
            counts[c == Change.ADDED ? 0 : c == Change.CHANGED ? 1 : 2]++;
        }
        pending.clear();
        restamps.clear();
        firstOfFile = insideFile ? -1 : firstOfFile;
    }
}
