/**
 * The pool's k-nearest-neighbour graph (cosine), from plain arrays: exact for small pools, approximate (one file,
 * {@link org.querent.learn.graph.JVectorNeighbourSearch}, owns the ANN library) for large ones. Derived data: callers
 * may cache it, and rebuild it whenever it is missing.
 */
package org.querent.learn.graph;
