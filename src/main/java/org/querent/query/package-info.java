/**
 * Query strategies: pure, seeded functions from the pool (probabilities, embeddings, and optionally the labelled
 * items and a committee's predictions) to the items worth labelling next. Uncertainty ({@code least-confidence},
 * {@code margin}, {@code entropy}), committee disagreement ({@code qbc}, {@code qbc-kl}), expected model change
 * ({@code egl}), diverse batches ({@code coreset}, {@code badge}) and cold start ({@code typiclust}).
 */
package org.querent.query;
