package org.querent.project;

/**
 * What a project is made of, as stored in its file.
 *
 * @param dataRoot   the dataset folder as stored: relative to the project file's folder when possible
 * @param model      "builtin:minilm" or a path to model.json/.onnx (relative to the project folder when possible)
 * @param multiLabel whether an item can carry several labels
 */
public record ProjectSettings(String dataRoot, String model, boolean multiLabel) {
}
