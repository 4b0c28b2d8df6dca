/** Linear heads over embeddings: training (L-BFGS, warm start), evaluation, splits and provenance; plain arrays in and out. */
package org.querent.learn;
