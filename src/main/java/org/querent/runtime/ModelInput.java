package org.querent.runtime;

import java.nio.file.Path;

/** One item for a model to read: a text, an image file or an audio file. */
public record ModelInput(String text, Path imagePath, Path audioPath) {
    public ModelInput(String text, Path imagePath) {
        this(text, imagePath, null);
    }

    public static ModelInput text(String text) {
        return new ModelInput(text, null, null);
    }

    public static ModelInput image(Path path) {
        return new ModelInput(null, path, null);
    }

    public static ModelInput audio(Path path) {
        return new ModelInput(null, null, path);
    }
}
