package org.querent.runtime;

import java.util.List;

/**
 * What a loaded model is.
 *
 * @param name        display name from the manifest
 * @param reference   how the user named it: "builtin:minilm" or a path to model.json/.onnx
 * @param hash        SHA-256 hex over the ONNX bytes and the canonical manifest: embeddings are keyed by it
 * @param input       "text", "image" or "audio"
 * @param dimension   embedding size
 * @param classLabels labels of the model's own class output, or an empty list when it has none
 * @param executionProvider "CPU" or "CUDA"
 */
public record ModelInfo(String name, String reference, String hash, String input, int dimension,
                        List<String> classLabels, String executionProvider) {
    public boolean isText() {
        return "text".equals(input);
    }
}
