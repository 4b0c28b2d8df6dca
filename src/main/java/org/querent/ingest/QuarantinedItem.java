package org.querent.ingest;

/**
 * An item or folder that could not be used, for display.
 *
 * @param key    the item key ({@code path} or {@code path#row}) or a folder path ending in '/'
 * @param reason a short sentence for the user
 */
public record QuarantinedItem(String key, String reason) {
}
