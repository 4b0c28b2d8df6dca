/**
 * Label-efficiency measurement: replays the labelling loop with a simulated annotator that answers from
 * ground truth (class sub-folders), over embeddings computed once and reused by every strategy and seed.
 */
package org.querent.simulate;
