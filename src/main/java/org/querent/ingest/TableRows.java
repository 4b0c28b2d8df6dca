package org.querent.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;

import org.querent.common.Hashes;

/** What the .csv and .jsonl readers share: loading the whole file as text, and turning a row into an item. */
final class TableRows {
    private final FoundFile file;
    private final ScanOptions options;
    private final Consumer<ScannedItem> out;

    TableRows(FoundFile file, ScanOptions options, Consumer<ScannedItem> out) {
        this.file = file;
        this.options = options;
        this.out = out;
    }

    /** The decoded, normalised file text, or null after delivering a whole-file quarantine item. */
    String loadText() throws IOException {
        if (file.size() > options.maxTableBytes()) {
            out.accept(file.quarantined(file.size(), FileBytes.sha256Hex(file.file()), "table file is too large ("
                    + Sizes.human(file.size()) + ", limit " + Sizes.human(options.maxTableBytes())
                    + "); split it or raise the limit"));
            return null;
        }
        byte[] bytes = Files.readAllBytes(file.file());
        if (bytes.length == 0) {
            quarantineFile(bytes, "empty file");
            return null;
        }
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
        if (!decoded.ok()) {
            quarantineFile(bytes, decoded.problem());
            return null;
        }
        return decoded.text();
    }

    void quarantineFile(byte[] bytes, String reason) {
        out.accept(file.quarantined(bytes.length, Hashes.sha256Hex(bytes), reason));
    }

    void quarantineFile(String text, String reason) {
        quarantineFile(text.getBytes(StandardCharsets.UTF_8), reason);
    }

    /** Delivers a row whose text was found; it may still be empty, binary or too long. */
    void text(int row, String rawText, String where) {
        String text = TextDecoding.normalise(rawText);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        String hash = Hashes.sha256Hex(utf8);
        String problem = TextChecks.problem(text, options.maxTextBytes());
        out.accept(problem == null ? file.row(row, utf8.length, hash, text)
                : file.quarantinedRow(row, utf8.length, hash, problem + " (" + where + ")"));
    }

    /** Delivers a row without usable text; the hash is of the raw row, so it still tells rows apart. */
    void quarantine(int row, String rawRow, String reason) {
        byte[] utf8 = rawRow.getBytes(StandardCharsets.UTF_8);
        out.accept(file.quarantinedRow(row, utf8.length, Hashes.sha256Hex(utf8), reason));
    }
}
