package org.querent.ingest;

import org.querent.common.QuerentException;

/**
 * Settings of one scan of a dataset folder.
 *
 * @param maxPixels     images with more pixels than this are quarantined (read from the header, before decoding)
 * @param textColumn    the CSV column that holds the text, matched case-insensitively; null to pick one
 *                      (a column named text, content, body or message, else the first holding mostly long text)
 * @param textField     the JSONL field that holds the text
 * @param maxTextBytes  a text file or a table row longer than this (UTF-8 bytes) is quarantined, not truncated:
 *                      a cut text would silently label something the user never saw in full
 * @param maxTableBytes a .csv/.jsonl file larger than this is quarantined (tables are read into memory whole)
 */
public record ScanOptions(long maxPixels, String textColumn, String textField, int maxTextBytes, long maxTableBytes) {

    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    public static final String DEFAULT_TEXT_FIELD = "text";
    public static final int DEFAULT_MAX_TEXT_BYTES = 1 << 20;
    public static final long DEFAULT_MAX_TABLE_BYTES = 512L << 20;

    public ScanOptions {
        if (maxPixels <= 0 || maxTextBytes <= 0 || maxTableBytes <= 0) {
            throw QuerentException.usage("scan limits must be positive: maxPixels=" + maxPixels
                    + ", maxTextBytes=" + maxTextBytes + ", maxTableBytes=" + maxTableBytes);
        }
        if (textColumn != null && textColumn.isBlank()) {
            textColumn = null;
        }
        if (textField == null || textField.isBlank()) {
            textField = DEFAULT_TEXT_FIELD;
        }
    }

    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_MAX_PIXELS, null, DEFAULT_TEXT_FIELD, DEFAULT_MAX_TEXT_BYTES,
                DEFAULT_MAX_TABLE_BYTES);
    }

    public ScanOptions withMaxPixels(long value) {
        return new ScanOptions(value, textColumn, textField, maxTextBytes, maxTableBytes);
    }

    public ScanOptions withTextColumn(String value) {
        return new ScanOptions(maxPixels, value, textField, maxTextBytes, maxTableBytes);
    }

    public ScanOptions withTextField(String value) {
        return new ScanOptions(maxPixels, textColumn, value, maxTextBytes, maxTableBytes);
    }

    public ScanOptions withMaxTextBytes(int value) {
        return new ScanOptions(maxPixels, textColumn, textField, value, maxTableBytes);
    }

    public ScanOptions withMaxTableBytes(long value) {
        return new ScanOptions(maxPixels, textColumn, textField, maxTextBytes, value);
    }
}
