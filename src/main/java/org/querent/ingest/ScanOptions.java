package org.querent.ingest;

import org.querent.common.QuerentException;
import org.querent.common.audio.AudioLimits;

/**
 * Settings of one scan of a dataset folder.
 *
 * @param maxPixels     images with more pixels than this are quarantined (read from the header, before decoding)
 * @param textColumn    the CSV column that holds the text, matched case-insensitively; null to pick one
 *                      (a column named text, content, body or message, else the first holding mostly long text)
 * @param textField     the JSONL field that holds the text
 * @param maxTextBytes  a text file or a table row longer than this (UTF-8 bytes) is quarantined, not truncated:
 *                      a cut text would silently label something the user never saw in full
 * @param maxTableBytes a .csv/.jsonl file larger than this is quarantined (one that is not plain UTF-8 is decoded in memory whole)
 * @param audioLimits   audio files over these bytes or seconds are quarantined (from the size or header first)
 * @param quarantineSilent whether a clip whose peak stays under {@link #SILENCE_PEAK} (-60 dBFS) is quarantined
 */
public record ScanOptions(long maxPixels, String textColumn, String textField, int maxTextBytes, long maxTableBytes,
                          AudioLimits audioLimits, boolean quarantineSilent) {

    /** A clip whose loudest sample is below this (-60 dBFS) holds nothing to hear. */
    public static final float SILENCE_PEAK = 0.001f;

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
        if (audioLimits == null) {
            audioLimits = AudioLimits.defaults();
        }
    }

    /** The old constructor, with the default audio limits and silent clips kept. */
    public ScanOptions(long maxPixels, String textColumn, String textField, int maxTextBytes, long maxTableBytes) {
        this(maxPixels, textColumn, textField, maxTextBytes, maxTableBytes, AudioLimits.defaults(), false);
    }

    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_MAX_PIXELS, null, DEFAULT_TEXT_FIELD, DEFAULT_MAX_TEXT_BYTES,
                DEFAULT_MAX_TABLE_BYTES);
    }

    public ScanOptions withMaxPixels(long value) {
        return new ScanOptions(value, textColumn, textField, maxTextBytes, maxTableBytes, audioLimits, quarantineSilent);
    }

    public ScanOptions withTextColumn(String value) {
        return new ScanOptions(maxPixels, value, textField, maxTextBytes, maxTableBytes, audioLimits, quarantineSilent);
    }

    public ScanOptions withTextField(String value) {
        return new ScanOptions(maxPixels, textColumn, value, maxTextBytes, maxTableBytes, audioLimits, quarantineSilent);
    }

    public ScanOptions withMaxTextBytes(int value) {
        return new ScanOptions(maxPixels, textColumn, textField, value, maxTableBytes, audioLimits, quarantineSilent);
    }

    public ScanOptions withMaxTableBytes(long value) {
        return new ScanOptions(maxPixels, textColumn, textField, maxTextBytes, value, audioLimits, quarantineSilent);
    }

    public ScanOptions withAudioLimits(AudioLimits value) {
        return new ScanOptions(maxPixels, textColumn, textField, maxTextBytes, maxTableBytes, value, quarantineSilent);
    }

    public ScanOptions withQuarantineSilent(boolean value) {
        return new ScanOptions(maxPixels, textColumn, textField, maxTextBytes, maxTableBytes, audioLimits, value);
    }
}
