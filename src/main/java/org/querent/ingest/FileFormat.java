package org.querent.ingest;

import org.querent.common.ItemKind;

import java.util.Locale;
import java.util.Optional;

/** The file types a dataset may hold, recognised by extension (case-insensitive). */
enum FileFormat {
    PNG(ItemKind.IMAGE), JPEG(ItemKind.IMAGE), BMP(ItemKind.IMAGE), GIF(ItemKind.IMAGE),
    PLAIN_TEXT(ItemKind.TEXT), CSV(ItemKind.TEXT), JSONL(ItemKind.TEXT),
    WAV(ItemKind.AUDIO), FLAC(ItemKind.AUDIO), MP3(ItemKind.AUDIO), OGG(ItemKind.AUDIO);

    private final ItemKind kind;

    FileFormat(ItemKind kind) {
        this.kind = kind;
    }

    ItemKind kind() {
        return kind;
    }

    /** Tables hold one item per row rather than one per file. */
    boolean tabular() {
        return this == CSV || this == JSONL;
    }

    static Optional<FileFormat> of(String fileName) {
        switch (extension(fileName)) {
            case "png": return Optional.of(PNG);
            case "jpg": case "jpeg": return Optional.of(JPEG);
            case "bmp": return Optional.of(BMP);
            case "gif": return Optional.of(GIF);
            case "txt": case "md": return Optional.of(PLAIN_TEXT);
            case "csv": return Optional.of(CSV);
            case "jsonl": return Optional.of(JSONL);
            case "wav": return Optional.of(WAV);
            case "flac": return Optional.of(FLAC);
            case "mp3": return Optional.of(MP3);
            case "ogg": case "oga": return Optional.of(OGG);
            default: return Optional.empty();
        }
    }

    /** Lower-case extension without the dot, "" when the name has none. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
