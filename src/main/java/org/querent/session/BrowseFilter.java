package org.querent.session;

import java.util.Objects;

/**
 * Which items the data browser shows: one choice of its filter list.
 *
 * @param kind  what to keep
 * @param value the label or annotator for kinds that need one, else null
 */
public record BrowseFilter(Kind kind, String value) {

    /** What a filter keeps. */
    public enum Kind {
        ALL, UNLABELLED, LABELLED_AS, PREDICTED_AS, FLAGGED, SKIPPED, QUARANTINED, DECIDED_BY;

        boolean needsValue() {
            return this == LABELLED_AS || this == PREDICTED_AS || this == DECIDED_BY;
        }
    }

    public BrowseFilter {
        Objects.requireNonNull(kind, "kind");
        if (kind.needsValue() != (value != null)) {
            throw new IllegalArgumentException("filter " + kind + " takes " + (kind.needsValue() ? "a" : "no")
                    + " value, got " + value);
        }
    }

    public static BrowseFilter of(Kind kind) {
        return new BrowseFilter(kind, null);
    }

    public static BrowseFilter all() {
        return of(Kind.ALL);
    }

    /** The name shown in the filter list. */
    public String displayName() {
        return switch (kind) {
            case ALL -> "All items";
            case UNLABELLED -> "Unlabelled";
            case LABELLED_AS -> "Labelled as " + value;
            case PREDICTED_AS -> "Predicted as " + value;
            case FLAGGED -> "Flagged for review";
            case SKIPPED -> "Skipped";
            case QUARANTINED -> "Quarantined";
            case DECIDED_BY -> "Decided by " + value;
        };
    }

    @Override
    public String toString() {
        return displayName();
    }
}
