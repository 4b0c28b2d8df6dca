/**
 * Hybrid batch rules applied on top of any query strategy: skip near-duplicates, cap items per source
 * folder, reserve a share for the newest items (drift) and a share for a uniform random audit sample.
 * Pure functions of arrays, like the rest of {@code query}.
 */
package org.querent.query.rules;
