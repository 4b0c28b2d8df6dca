package org.querent.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;

import org.querent.common.Hashes;

/** One item per image file; the image is decoded once to prove it is whole, then dropped. */
final class ImageItemReader implements ItemReader {

    @Override
    public void read(FoundFile file, ScanOptions options, Consumer<ScannedItem> out) throws IOException {
        byte[] bytes = Files.readAllBytes(file.file());
        String hash = Hashes.sha256Hex(bytes);
        String problem = bytes.length == 0 ? "empty file" : ImageCheck.problem(bytes, options.maxPixels());
        out.accept(problem == null ? file.item(bytes.length, hash, null) : file.quarantined(bytes.length, hash, problem));
    }
}
