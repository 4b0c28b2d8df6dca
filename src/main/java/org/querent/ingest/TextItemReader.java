package org.querent.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;

import org.querent.common.Hashes;

/** One item per .txt/.md file. Files over the text limit are quarantined unread (hashed as a stream). */
final class TextItemReader implements ItemReader {

    @Override
    public void read(FoundFile file, ScanOptions options, Consumer<ScannedItem> out) throws IOException {
        if (file.size() > options.maxTextBytes()) {
            out.accept(file.quarantined(file.size(), FileBytes.sha256Hex(file.file()),
                    TextChecks.tooLong(file.size(), options.maxTextBytes())));
            return;
        }
        byte[] bytes = Files.readAllBytes(file.file());
        String hash = Hashes.sha256Hex(bytes);
        if (bytes.length == 0) {
            out.accept(file.quarantined(0, hash, "empty file"));
            return;
        }
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
        String problem = decoded.ok() ? TextChecks.problem(decoded.text(), options.maxTextBytes()) : decoded.problem();
        out.accept(problem == null ? file.item(bytes.length, hash, decoded.text())
                : file.quarantined(bytes.length, hash, problem));
    }
}
