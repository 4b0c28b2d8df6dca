package org.querent.ui.browse;

import org.querent.store.BrowseReads.BrowseRow;

/** Where an item stands, as the browser's "state" column shows it. */
enum ItemStatus {
    UNLABELLED("Unlabelled"),
    LABELLED("Labelled"),
    SKIPPED("Skipped"),
    FLAGGED("Flagged"),
    QUARANTINED("Quarantined"),
    REMOVED("Removed");

    private final String displayName;

    ItemStatus(String displayName) {
        this.displayName = displayName;
    }

    /** The item's state wins over decisions: a quarantined item cannot be labelled whatever its history. */
    static ItemStatus of(BrowseRow row) {
        if ("quarantined".equals(row.state())) {
            return QUARANTINED;
        }
        if ("removed".equals(row.state())) {
            return REMOVED;
        }
        if ("flag".equals(row.lastKind())) {
            return FLAGGED;
        }
        if ("skip".equals(row.lastKind())) {
            return SKIPPED;
        }
        return row.labels().isEmpty() ? UNLABELLED : LABELLED;
    }

    String displayName() {
        return displayName;
    }

    /** CSS class of the state chip, e.g. "state-flagged". */
    String styleClass() {
        return "state-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean canBeLabelled() {
        return this != QUARANTINED && this != REMOVED;
    }
}
