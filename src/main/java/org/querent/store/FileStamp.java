package org.querent.store;

/** Size and modification time of a file as last imported: an equal stamp means "not changed". */
public record FileStamp(long size, long modifiedMillis) {
}
