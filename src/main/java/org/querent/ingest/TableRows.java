package org.querent.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.function.Consumer;

import org.querent.common.Hashes;

/**
 * What the .csv and .jsonl readers share: opening the file's text as a stream, and turning a row into an item.
 * A plain UTF-8 file (almost every table) is streamed, so a million-row file never sits in memory whole; any
 * other encoding is decoded whole, as a text file is (see {@link TextDecoding}), within the table size limit.
 */
final class TableRows {
    private final FoundFile file;
    private final ScanOptions options;
    private final Consumer<ScannedItem> out;
    private final MessageDigest digest = Hashes.sha256();

    TableRows(FoundFile file, ScanOptions options, Consumer<ScannedItem> out) {
        this.file = file;
        this.options = options;
        this.out = out;
    }

    /**
     * The file's text without a leading byte-order mark, or null after delivering a whole-file quarantine item.
     * The caller closes the reader.
     */
    Reader open() throws IOException {
        if (file.size() > options.maxTableBytes()) {
            out.accept(file.quarantined(file.size(), FileBytes.sha256Hex(file.file()), "table file is too large ("
                    + Sizes.human(file.size()) + ", limit " + Sizes.human(options.maxTableBytes())
                    + "); split it or raise the limit"));
            return null;
        }
        if (TextDecoding.isPlainUtf8(file.file())) {
            PushbackReader in = new PushbackReader(new InputStreamReader(Files.newInputStream(file.file()),
                    StandardCharsets.UTF_8), 1);
            int first = in.read();
            if (first < 0) {
                in.close();
                quarantineFile(new byte[0], "empty file");
                return null;
            }
            if (first != '\uFEFF') {
                in.unread(first);
            }
            return in;
        }
        byte[] bytes = Files.readAllBytes(file.file());
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
        if (!decoded.ok()) {
            quarantineFile(bytes, decoded.problem());
            return null;
        }
        return new StringReader(decoded.text());
    }

    void quarantineFile(byte[] bytes, String reason) {
        out.accept(file.quarantined(bytes.length, Hashes.sha256Hex(bytes), reason));
    }

    /** A whole-file quarantine found after reading began: the hash is of the file's bytes, streamed. */
    void quarantineFile(String reason) throws IOException {
        out.accept(file.quarantined(Math.max(file.size(), 0), FileBytes.sha256Hex(file.file()), reason));
    }

    /** Delivers a row whose text was found; it may still be empty, binary or too long. */
    void text(int row, String rawText, String where) {
        String text = TextDecoding.normalise(rawText);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        String hash = Hashes.hex(digest.digest(utf8));
        String problem = TextChecks.problem(text, utf8.length, options.maxTextBytes());
        out.accept(problem == null ? file.row(row, utf8.length, hash, text)
                : file.quarantinedRow(row, utf8.length, hash, problem + " (" + where + ")"));
    }

    /** Delivers a row without usable text; the hash is of the raw row, so it still tells rows apart. */
    void quarantine(int row, String rawRow, String reason) {
        byte[] utf8 = rawRow.getBytes(StandardCharsets.UTF_8);
        out.accept(file.quarantinedRow(row, utf8.length, Hashes.hex(digest.digest(utf8)), reason));
    }
}
