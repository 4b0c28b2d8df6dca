package org.querent.store;

/**
 * Which of an item's decisions is the newest, the same in every copy of a project whatever order copies were
 * merged in: by the time given, then by annotator, then by local id (one person's decisions keep their relative
 * order in every file). The current_label view of schema 3 uses the same order (ADR 13).
 */
final class DecisionOrder {
    /** ORDER BY clause, newest first, for rows of decision or live_decision. */
    static final String NEWEST_FIRST = "decided_at DESC, annotator DESC, id DESC";

    private DecisionOrder() {
    }

    /** A subquery naming the newest live decision of {@code outer}'s item among kinds matching {@code condition}. */
    static String newestId(String outer, String condition) {
        return "(SELECT x.id FROM live_decision x WHERE x.item_id = " + outer + ".item_id AND " + condition
                + " ORDER BY x.decided_at DESC, x.annotator DESC, x.id DESC LIMIT 1)";
    }
}
