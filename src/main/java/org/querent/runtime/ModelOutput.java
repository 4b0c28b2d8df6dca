package org.querent.runtime;

/**
 * What the model said about a batch.
 *
 * @param embeddings  one vector per input (L2-normalised when the manifest asks for it)
 * @param classScores one probability vector per input when the model has a class output mapped to labels, else null
 */
public record ModelOutput(float[][] embeddings, float[][] classScores) {
}
