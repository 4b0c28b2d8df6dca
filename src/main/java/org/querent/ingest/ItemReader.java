package org.querent.ingest;

import java.io.IOException;
import java.util.function.Consumer;

/** Reads one file into items, quarantining what is bad. IOException only for a file that cannot be read at all. */
interface ItemReader {
    void read(FoundFile file, ScanOptions options, Consumer<ScannedItem> out) throws IOException;

    static ItemReader forFormat(FileFormat format) {
        switch (format) {
            case PNG: case JPEG: case BMP: case GIF: return new ImageItemReader();
            case PLAIN_TEXT: return new TextItemReader();
            case CSV: return new CsvItemReader();
            case JSONL: return new JsonlItemReader();
            case WAV: case FLAC: case MP3: case OGG: return new AudioItemReader();
            default: throw new IllegalArgumentException("no reader for " + format);
        }
    }
}
