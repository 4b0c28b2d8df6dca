package org.querent.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.querent.common.ItemKind;
import org.querent.runtime.ModelInput;

/**
 * One item to embed, keyed and hashed as Querent's import would.
 *
 * @param key         the item key ({@code folder/file.txt}, {@code folder/table.csv#3}, or a table's key column)
 * @param contentHash SHA-256 hex of the content, as {@code items.content_hash}
 * @param kind        text, image or audio
 * @param text        a text item's text (null otherwise)
 * @param path        an image or audio item's file, absolute (null for texts)
 */
public record SourceItem(String key, String contentHash, ItemKind kind, String text, String path) implements Serializable {

    ModelInput input() {
        return switch (kind) {
            case TEXT -> ModelInput.text(text);
            case IMAGE -> ModelInput.image(Path.of(path));
            case AUDIO -> ModelInput.audio(Path.of(path));
        };
    }
}
