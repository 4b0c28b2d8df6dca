package org.querent.ingest;

/**
 * Receives what a scan finds, in the scan's deterministic order, on the scanning thread.
 * How the caller tells the four cases apart:
 * <ul>
 *   <li>new and changed: {@link #item} with {@link ItemChange#NEW} or {@link ItemChange#CHANGED}
 *       (upsert by {@link ScannedItem#key()}; compare the content hash to know whether the content really changed);</li>
 *   <li>unchanged: {@link #unchanged} once per file, not read again: every known key of that file stands;</li>
 *   <li>removed: {@link ScanResult#removed()} after the scan, the known keys neither delivered nor unchanged.</li>
 * </ul>
 * An exception thrown here aborts the scan and reaches the caller of {@code scan}.
 */
public interface ScanSink {

    /**
     * A new or changed file is about to be read, with the stamp {@link #fileRead} will give: lets a caller store a
     * large file's rows in several transactions, knowing its stamp from the first row.
     */
    default void fileStarted(String path, KnownFile stamp) {
    }

    /** A readable or quarantined item of a new or changed file. */
    void item(ScannedItem item, ItemChange change);

    /** A file whose size and modification time equal the known stamp: it was not read. */
    default void unchanged(String path, KnownFile stamp) {
    }

    /**
     * Called after all items of a file were delivered, with the stamp to give back in the next scan's known map.
     * For whole files it equals the item's size and time; for .csv/.jsonl rows it is the file's stamp (the rows'
     * {@code size} is the row's), to be stored under the file path or under each row key.
     */
    default void fileRead(String path, KnownFile stamp) {
    }
}
