package org.querent.session.setup;

import java.nio.file.Path;
import java.util.Set;

import org.querent.runtime.ModelManifest;
import org.querent.runtime.ModelSignature;

/**
 * What the wizard learned about a model file the user chose.
 *
 * @param onnxFile     the ONNX file
 * @param manifestFile the model.json that describes it: the existing one, or where a new one will be written
 * @param manifest     the existing manifest, or null when none was found beside the ONNX file
 * @param signature    the ONNX file's inputs and outputs
 * @param siblings     names of the files beside the ONNX file (to check a tokenizer without disk access later)
 * @param loadProblem  why the existing manifest's model cannot be opened (a missing or broken tokenizer, say), as
 *                     {@code init} would say it; null when it opens or when there is no manifest yet
 */
public record ModelInspection(Path onnxFile, Path manifestFile, ModelManifest manifest, ModelSignature signature,
                       Set<String> siblings, String loadProblem) {

    public ModelInspection {
        siblings = Set.copyOf(siblings);
    }

    public boolean needsManifest() {
        return manifest == null;
    }
}
