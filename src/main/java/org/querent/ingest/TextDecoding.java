package org.querent.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text file into the text we store. The decision on encodings:
 * <ol>
 *   <li>a UTF-16 byte-order mark means UTF-16 (what Windows Notepad calls "Unicode");</li>
 *   <li>NUL bytes otherwise mean a binary file;</li>
 *   <li>strict UTF-8 when the bytes are valid UTF-8 (almost every file);</li>
 *   <li>mostly UTF-8 (more well-formed multi-byte sequences than stray bytes), as in e-mails pasted together:
 *       UTF-8 with U+FFFD for the stray bytes;</li>
 *   <li>otherwise, if few bytes are non-ASCII (at most 30%), it is legacy Western text, as old e-mails are:
 *       windows-1252 (a superset of ISO-8859-1 for printable text);</li>
 *   <li>many non-ASCII bytes that are not UTF-8 are Cyrillic, Greek or CJK in a legacy code page, or binary:
 *       guessing would store mojibake, so the file is quarantined and the user asked to convert it.</li>
 * </ol>
 * The text is then normalised: a leading byte-order mark is dropped and CRLF (and a lone CR) become LF.
 */
final class TextDecoding {

    /** Exactly one of {@code text} and {@code problem} is set. */
    record Decoded(String text, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    static final String BINARY = "binary file, not text";
    private static final double MAX_LEGACY_HIGH_BYTE_SHARE = 0.30;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    /**
     * Whether a file is plain UTF-8 (valid, no NUL byte, no UTF-16 byte-order mark), read in chunks without holding
     * it: such a file decodes to the same text streamed as whole, so a table reader can stream it. Anything else
     * goes through {@link #decode(byte[])} on the whole bytes.
     */
    static boolean isPlainUtf8(java.nio.file.Path file) throws java.io.IOException {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] buffer = new byte[1 << 16];
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
        int filled = 0;
        boolean first = true;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            while (true) {
                int n = in.read(buffer, filled, buffer.length - filled);
                boolean end = n < 0;
                if (!end) {
                    for (int i = filled; i < filled + n; i++) {
                        if (buffer[i] == 0) {
                            return false;
                        }
                    }
                    filled += n;
                    if (first && filled >= 2) {
                        first = false;
                        if (hasUtf16ByteOrderMark(java.util.Arrays.copyOf(buffer, filled))) {
                            return false;
                        }
                    }
                }
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, filled);
                java.nio.charset.CoderResult result;
                do {
                    chars.clear();
                    result = decoder.decode(bytes, chars, end);
                    if (result.isError()) {
                        return false;
                    }
                } while (result.isOverflow());
                if (end) {
                    chars.clear();
                    return !decoder.flush(chars).isError();
                }
                int left = bytes.remaining(); // the start of a sequence cut by the chunk's end
                System.arraycopy(buffer, bytes.position(), buffer, 0, left);
                filled = left;
            }
        }
    }

    static Decoded decode(byte[] bytes) {
        if (hasUtf16ByteOrderMark(bytes)) {
            return strict(bytes, StandardCharsets.UTF_16, "text starts like UTF-16 but is not valid UTF-16");
        }
        if (containsNul(bytes)) {
            return new Decoded(null, BINARY);
        }
        Decoded utf8 = strict(bytes, StandardCharsets.UTF_8, null);
        if (utf8.ok()) {
            return utf8;
        }
        return decodeLegacy(bytes);
    }

    private static Decoded decodeLegacy(byte[] bytes) {
        Utf8Census census = Utf8Census.of(bytes);
        if (census.validSequences() > census.invalidBytes()) {
            return new Decoded(normalise(new String(bytes, StandardCharsets.UTF_8)), null);
        }
        if (census.highBytes() > MAX_LEGACY_HIGH_BYTE_SHARE * bytes.length) {
            return new Decoded(null, "text is neither UTF-8 nor Western (windows-1252) text; "
                    + "convert it to UTF-8 and scan again");
        }
        return new Decoded(normalise(new String(bytes, WINDOWS_1252)), null);
    }

    private static Decoded strict(byte[] bytes, Charset charset, String problem) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(normalise(text), null);
        } catch (CharacterCodingException e) {
            return new Decoded(null, problem == null ? "text is not valid " + charset.name() : problem);
        }
    }

    /** Drops a leading byte-order mark and turns CRLF and lone CR line ends into LF. */
    static String normalise(String text) {
        String withoutMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (withoutMark.indexOf('\r') < 0) {
            return withoutMark;
        }
        return withoutMark.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static boolean hasUtf16ByteOrderMark(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** Counts of well-formed UTF-8 multi-byte sequences and of non-ASCII bytes that belong to none. */
    record Utf8Census(int validSequences, int invalidBytes, int highBytes) {
        static Utf8Census of(byte[] bytes) {
            int valid = 0;
            int invalid = 0;
            int high = 0;
            int i = 0;
            while (i < bytes.length) {
                int lead = bytes[i] & 0xFF;
                if (lead < 0x80) {
                    i++;
                    continue;
                }
                int length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                        : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
                if (length > 0 && continuationBytesFollow(bytes, i, length)) {
                    valid++;
                    high += length;
                    i += length;
                } else {
                    invalid++;
                    high++;
                    i++;
                }
            }
            return new Utf8Census(valid, invalid, high);
        }

        private static boolean continuationBytesFollow(byte[] bytes, int start, int length) {
            if (start + length > bytes.length) {
                return false;
            }
            for (int k = 1; k < length; k++) {
                if ((bytes[start + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            return true;
        }
    }
}
