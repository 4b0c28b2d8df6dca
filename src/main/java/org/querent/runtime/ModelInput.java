package org.querent.runtime;

import java.nio.file.Path;

/** One item for a model to read: a text, or an image file. */
public record ModelInput(String text, Path imagePath) {
    public static ModelInput text(String text) {
        return new ModelInput(text, null);
    }

    public static ModelInput image(Path path) {
        return new ModelInput(null, path);
    }
}
