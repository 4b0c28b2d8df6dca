package org.querent.session.setup;

import java.nio.file.Path;
import java.util.List;

import org.querent.runtime.ModelManifest;
import org.querent.store.LabelDefinition;

/**
 * Everything the wizard collected, as plain values taken on the FX thread, handed to the background creation.
 *
 * @param projectFile       the .querent file to create
 * @param dataRoot          the dataset folder
 * @param modelReference    "builtin:minilm" or a model.json path
 * @param manifest          a model.json to write first, or null
 * @param manifestFile      where to write it (null with no manifest)
 * @param labels            the taxonomy, in order, with hotkeys
 * @param multiLabel        whether an item may take several labels
 * @param guideline         the guideline's Markdown, or blank for none
 * @param labelsFromFolders whether class sub-folders become seed labels at import
 */
public record ProjectPlan(Path projectFile, Path dataRoot, String modelReference, ModelManifest manifest, Path manifestFile,
                   List<LabelDefinition> labels, boolean multiLabel, String guideline, boolean labelsFromFolders) {

    public ProjectPlan {
        labels = List.copyOf(labels);
        guideline = guideline == null ? "" : guideline;
    }
}
