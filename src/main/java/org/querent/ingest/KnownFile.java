package org.querent.ingest;

/** What a previous scan recorded about a file, so an unchanged file is not read again. */
public record KnownFile(long size, long modifiedMillis) {
}
