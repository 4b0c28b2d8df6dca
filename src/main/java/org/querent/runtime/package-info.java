/** The only package that touches ONNX Runtime: model manifests, sessions, tokenising, image preprocessing and inference. */
package org.querent.runtime;
