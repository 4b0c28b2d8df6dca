/**
 * Heads that learn from the unlabelled pool as well as from the labels: label spreading over the pool's
 * neighbour graph, self-training, and the per-project choice between them and the plain supervised head by
 * cross-validation on the labels ({@link org.querent.learn.pool.HeadSelection}).
 */
package org.querent.learn.pool;
