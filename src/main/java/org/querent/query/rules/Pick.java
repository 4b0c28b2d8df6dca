package org.querent.query.rules;

/**
 * One item of a composed batch.
 *
 * @param index candidate row
 * @param score the strategy's score for it (0 when the strategy did not rank it)
 * @param kind  why it is in the batch
 */
public record Pick(int index, double score, Kind kind) {

    /** Why an item is in a batch. */
    public enum Kind {
        /** Chosen by the strategy. */
        STRATEGY,
        /** Chosen by the strategy among the newest items (the drift share). */
        DRIFT,
        /** Drawn uniformly at random (the audit share); its label measures the model without bias. */
        AUDIT;

        /** Lower-case name as recorded and printed. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
