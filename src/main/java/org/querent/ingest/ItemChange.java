package org.querent.ingest;

/** Whether a delivered item's file is new to the caller or was known with another size or modification time. */
public enum ItemChange {
    /** No key of this file was in the known map. */
    NEW,
    /** The file was known but its size or modification time differ, so it was read again. */
    CHANGED
}
