package org.querent.ingest;

import java.nio.charset.StandardCharsets;

/** Checks a decoded text must pass to become an item, for whole files and table rows alike. */
final class TextChecks {

    /** Real e-mails carry a few stray control characters (2% seen in the spam corpus); binary data carries many. */
    private static final double MAX_CONTROL_SHARE = 0.10;

    private TextChecks() {
    }

    /** Why the text cannot be used, or null when it can. */
    static String problem(String text, int maxTextBytes) {
        return problem(text, text.getBytes(StandardCharsets.UTF_8).length, maxTextBytes);
    }

    /** The same, for a caller that has the UTF-8 length at hand already. */
    static String problem(String text, int utf8Bytes, int maxTextBytes) {
        if (isBlank(text)) {
            return "empty text";
        }
        if (text.indexOf('\0') >= 0 || controlShare(text) > MAX_CONTROL_SHARE) {
            return TextDecoding.BINARY;
        }
        if (utf8Bytes > maxTextBytes) {
            return tooLong(utf8Bytes, maxTextBytes);
        }
        return null;
    }

    static String tooLong(long bytes, long limit) {
        return "text is too long (" + Sizes.human(bytes) + ", limit " + Sizes.human(limit)
                + "); split it or raise the limit";
    }

    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF' && c != '\u200B') {
                return false;
            }
        }
        return true;
    }

    private static double controlShare(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || c == 0x7F) {
                controls++;
            }
        }
        return (double) controls / text.length();
    }
}
