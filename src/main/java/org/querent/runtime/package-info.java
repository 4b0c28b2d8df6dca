/** The only package that touches ONNX Runtime: model manifests, sessions, tokenising, image and audio preprocessing and inference. */
package org.querent.runtime;
