package org.querent.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Review state, derived from review decisions (kind review, verdict, refers_to the label's uid). A current label
 * is approved when a review in force approves it, or when it was itself made in a reviewing role (a reviewer's
 * change, a lead's resolution or adjudication) or taken from class folders.
 */
public final class ReviewRepository {
    /** Origins of labels that need no further review. */
    public static final List<String> APPROVED_ORIGINS = List.of("review", "escalation", "adjudication", "folders");
    private static final String APPROVED_ORIGIN_SQL = "('review', 'escalation', 'adjudication', 'folders')";
    /** A review in force refers to the label; a change counts only while the reviewer's label is in force too. */
    private static final String REVIEW_IN_FORCE = "r.kind = 'review' AND (r.verdict <> 'change' OR EXISTS (SELECT 1 FROM "
            + "live_decision x WHERE x.kind = 'label' AND x.origin = 'review' AND x.refers_to = r.refers_to))";
    private static final String REVIEWED = "EXISTS (SELECT 1 FROM live_decision r WHERE " + REVIEW_IN_FORCE
            + " AND r.refers_to = c.uid)";
    private static final String APPROVED = "(c.origin IN " + APPROVED_ORIGIN_SQL + " OR EXISTS (SELECT 1 FROM "
            + "live_decision r WHERE r.kind = 'review' AND r.verdict = 'approve' AND r.refers_to = c.uid))";

    private final Database db;

    public ReviewRepository(Database db) {
        this.db = db;
    }

    /**
     * What the review queue shows; null fields do not filter.
     *
     * @param flagged   only items with a flag in force (not undone), by anyone, before or after the label
     * @param escalated only items with an escalation in force (open or resolved), by anyone
     * @param amongItems only these items (the caller's low-agreement set, worked out from the answers); null: all
     */
    public record Filter(String reviewer, String annotator, String label, String source, boolean correctedOnly,
                         boolean flagged, boolean escalated, Set<Long> amongItems) {
        /** The first filters only. */
        public Filter(String reviewer, String annotator, String label, String source, boolean correctedOnly) {
            this(reviewer, annotator, label, source, correctedOnly, false, false, null);
        }
    }

    /** Current labels not yet reviewed and not made by the reviewer, newest first. */
    public List<ReviewItem> queue(Filter f, int limit) {
        StringBuilder sql = new StringBuilder("SELECT c.item_id, i.item_key, i.source, c.uid, c.labels, c.annotator, "
                + "c.decided_at, c.accepted, c.pre_label, c.origin FROM current_label c JOIN item i ON i.id = c.item_id "
                + "WHERE NOT " + APPROVED + " AND NOT " + REVIEWED);
        List<String> args = new ArrayList<>();
        if (f.reviewer() != null) {
            sql.append(" AND c.annotator <> ?");
            args.add(f.reviewer());
        }
        if (f.annotator() != null) {
            sql.append(" AND c.annotator = ?");
            args.add(f.annotator());
        }
        if (f.label() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM json_each(c.labels) j WHERE j.value = ?)");
            args.add(f.label());
        }
        if (f.source() != null) {
            sql.append(" AND i.source = ?");
            args.add(f.source());
        }
        if (f.correctedOnly()) {
            sql.append(" AND c.accepted = 0");
        }
        if (f.flagged()) {
            sql.append(" AND EXISTS (SELECT 1 FROM live_decision x WHERE x.item_id = c.item_id AND x.kind = 'flag')");
        }
        if (f.escalated()) {
            sql.append(" AND EXISTS (SELECT 1 FROM live_decision x WHERE x.item_id = c.item_id AND x.kind = 'escalate')");
        }
        if (f.amongItems() != null) {
            // One JSON array parameter, however many items: no SQL built from values, no limit on host parameters.
            sql.append(" AND c.item_id IN (SELECT value FROM json_each(?))");
            args.add(Json.write(List.copyOf(f.amongItems())));
        }
        sql.append(" ORDER BY c.id DESC LIMIT ").append(Math.max(0, limit));
        return db.read(c -> {
            List<ReviewItem> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int k = 0; k < args.size(); k++) {
                    ps.setString(k + 1, args.get(k));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long acc = rs.getLong(8);
                        Boolean accepted = rs.wasNull() ? null : acc == 1;
                        out.add(new ReviewItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Json.stringList(rs.getString(5)), rs.getString(6), rs.getString(7), accepted,
                                rs.getString(9), rs.getString(10)));
                    }
                }
            }
            return out;
        });
    }

    /** The item's current label as the review queue shows it, whatever its review state. */
    public Optional<ReviewItem> currentOf(long itemId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.item_id, i.item_key, i.source, c.uid, c.labels, "
                    + "c.annotator, c.decided_at, c.accepted, c.pre_label, c.origin FROM current_label c "
                    + "JOIN item i ON i.id = c.item_id WHERE c.item_id = ?")) {
                ps.setLong(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long acc = rs.getLong(8);
                    Boolean accepted = rs.wasNull() ? null : acc == 1;
                    return Optional.of(new ReviewItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Json.stringList(rs.getString(5)), rs.getString(6), rs.getString(7), accepted,
                            rs.getString(9), rs.getString(10)));
                }
            }
        });
    }

    /** True when a review in force already refers to the decision. */
    public boolean isReviewed(String uid) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM live_decision r WHERE " + REVIEW_IN_FORCE + " AND r.refers_to = ? LIMIT 1")) {
                ps.setString(1, uid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Items whose current label is approved. */
    public Set<Long> approvedItems() {
        return db.read(c -> {
            Set<Long> out = new HashSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT c.item_id FROM current_label c WHERE " + APPROVED)) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /** Current labels not approved yet (rejected ones are not current, so not counted). */
    public int countWaiting() {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM current_label c WHERE NOT " + APPROVED)) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }
}
