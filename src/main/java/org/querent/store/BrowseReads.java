package org.querent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.querent.common.ItemKind;

/**
 * The data browser's reads, one page at a time (ADR 0024): items in id order after or before a cursor id, so a
 * page costs the same at the first item as at the millionth and the browser never holds the whole table. Every
 * read is a {@link Database#scan}, beside the writer, so a slow search never holds up a decision.
 *
 * <p>Scopes that depend on decisions (labelled as, flagged, skipped, decided by) are driven from the decisions,
 * which are few next to the items; the others walk the items by id and stop at the page's end.
 */
public final class BrowseReads {
    /** Which items a browse query keeps (the search text narrows any of them further). */
    public enum BrowseScope {
        /** Every item, whatever its state. */
        ALL,
        /** Active items without a current label (skipped and flagged ones included). */
        UNLABELLED,
        /** Items whose current label includes {@link BrowseCriteria#value()}. */
        LABELLED_AS,
        /** Items whose newest decision in force is a flag. */
        FLAGGED,
        /** Items whose newest decision in force is a skip. */
        SKIPPED,
        /** Items taken out of use, with their reason. */
        QUARANTINED,
        /** Items whose newest decision in force was made by {@link BrowseCriteria#value()}. */
        DECIDED_BY
    }

    /**
     * A browse query.
     *
     * @param value  the label or annotator of scopes that need one, else null
     * @param search text that the path or the text body must contain (case-insensitive), or blank for none
     */
    public record BrowseCriteria(BrowseScope scope, String value, String search) {
        public BrowseCriteria {
            search = search == null ? "" : search.strip();
        }
    }

    /**
     * One row of the data browser: an item with its current label and newest decision in force.
     *
     * @param labels     the current label (empty when unlabelled)
     * @param lastKind   label, skip or flag: the newest decision in force, or null when none
     * @param annotator  who made that decision
     * @param decidedAt  when (ISO-8601 UTC)
     * @param flagReason the reason of a flag, when the newest decision is one
     */
    public record BrowseRow(long id, String path, int row, ItemKind kind, String state, String quarantineReason,
                            List<String> labels, String lastKind, String annotator, String decidedAt,
                            String flagReason) {
    }

    // Undone decisions and undo events never count; notes are history, not decisions about the label. Newest in
    // the order of DecisionOrder, so every merged copy shows the same. Correlated per row through decision_item:
    // a page costs its own rows, not a pass over every decision (a window over all decisions was 0.3 s a page
    // at 50,000 decisions).
    private static final String DECIDED = "d.kind IN ('label', 'skip', 'flag')";
    private static final String LABELLED = "d.kind = 'label'";
    private static final String ROWS = "SELECT i.id, i.path, i.row_index, i.kind, i.state, i.quarantine_reason, l.labels, "
            + "n.kind, n.annotator, n.decided_at, n.note FROM item i "
            + "LEFT JOIN decision n ON n.id = " + newest("i.id", DECIDED) + " "
            + "LEFT JOIN decision l ON l.id = " + newest("i.id", LABELLED) + " ";

    /** The id of the newest live decision of an item among kinds matching {@code condition} on alias d. */
    private static String newest(String itemId, String condition) {
        return "(SELECT d.id FROM decision d WHERE d.item_id = " + itemId + " AND " + condition
                + " AND NOT EXISTS (SELECT 1 FROM decision u WHERE u.undoes = d.id) ORDER BY d."
                + DecisionOrder.NEWEST_FIRST.replace(", ", ", d.") + " LIMIT 1)";
    }

    /** A column of an item's newest decision in force (label, skip or flag). */
    private static String newestDecision(String column) {
        return "(SELECT nd." + column + " FROM decision nd WHERE nd.id = " + newest("i.id", DECIDED) + ")";
    }

    private final Database db;

    public BrowseReads(Database db) {
        this.db = db;
    }

    /** Up to {@code limit} matching items with an id above {@code afterId}, in id order (0 for the first page). */
    public List<BrowseRow> after(BrowseCriteria criteria, long afterId, int limit) {
        Query q = where(criteria);
        q.where.add("i.id > ?");
        q.args.add(afterId);
        return rows(q, "ORDER BY i.id LIMIT " + limit, false);
    }

    /** Up to {@code limit} matching items just below {@code beforeId}, in id order: the page before a page. */
    public List<BrowseRow> before(BrowseCriteria criteria, long beforeId, int limit) {
        Query q = where(criteria);
        q.where.add("i.id < ?");
        q.args.add(beforeId);
        return rows(q, "ORDER BY i.id DESC LIMIT " + limit, true);
    }

    /** The rows of these items that contain the search text (blank: all of them), in id order. */
    public List<BrowseRow> ofIds(long[] ids, String search) {
        if (ids.length == 0) {
            return List.of();
        }
        Query q = idsWhere(ids, search);
        return rows(q, "ORDER BY i.id", false);
    }

    /** How many items match: for "1,234 of 1,000,000 items". A walk of every item when a search narrows it. */
    public int count(BrowseCriteria criteria) {
        if (criteria.scope() == BrowseScope.ALL && criteria.search().isEmpty()) {
            return countAll();
        }
        return count(where(criteria));
    }

    /** How many of these items contain the search text. */
    public int countOfIds(long[] ids, String search) {
        if (search == null || search.isBlank()) {
            return ids.length;
        }
        return ids.length == 0 ? 0 : count(idsWhere(ids, search));
    }

    /** Number of items the project knows, whatever their state. */
    public int countAll() {
        return db.scan(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM item"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    // ---- SQL ---------------------------------------------------------------------------------------------

    /** WHERE terms and their arguments, in order. */
    private record Query(List<String> where, List<Object> args) {
        Query() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        String whereClause() {
            return where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where) + " ";
        }
    }

    /**
     * The scope as terms on item i alone, so a count needs no joins. Scopes that ride on decisions first keep the
     * items that ever had such a decision (a list SQLite builds once from the few decisions and walks in id
     * order), then check the newest.
     */
    private static Query where(BrowseCriteria criteria) {
        Query q = new Query();
        switch (criteria.scope()) {
            case ALL -> { }
            case UNLABELLED -> q.where.add("i.state = 'active' AND NOT EXISTS (SELECT 1 FROM decision d WHERE "
                    + "d.item_id = i.id AND " + LABELLED + " AND NOT EXISTS (SELECT 1 FROM decision u WHERE u.undoes = d.id))");
            case LABELLED_AS -> {
                q.where.add("i.id IN (SELECT c.item_id FROM decision c WHERE c.kind = 'label' "
                        + "AND EXISTS (SELECT 1 FROM json_each(c.labels) WHERE json_each.value = ?)) "
                        + "AND EXISTS (SELECT 1 FROM json_each((SELECT ld.labels FROM decision ld WHERE ld.id = "
                        + newest("i.id", LABELLED) + ")) WHERE json_each.value = ?)");
                q.args.add(criteria.value());
                q.args.add(criteria.value());
            }
            case FLAGGED -> q.where.add("i.id IN (SELECT c.item_id FROM decision c WHERE c.kind = 'flag') AND "
                    + newestDecision("kind") + " = 'flag'");
            case SKIPPED -> q.where.add("i.id IN (SELECT c.item_id FROM decision c WHERE c.kind = 'skip') AND "
                    + newestDecision("kind") + " = 'skip'");
            // The first term lets the planner read V8's partial index of the few items that are not active.
            case QUARANTINED -> q.where.add("i.state <> 'active' AND i.state = 'quarantined'");
            case DECIDED_BY -> {
                q.where.add("i.id IN (SELECT c.item_id FROM decision c WHERE c.annotator = ?) AND "
                        + newestDecision("annotator") + " = ?");
                q.args.add(criteria.value());
                q.args.add(criteria.value());
            }
        }
        addSearch(q, criteria.search());
        return q;
    }

    private static Query idsWhere(long[] ids, String search) {
        Query q = new Query();
        StringBuilder json = new StringBuilder(ids.length * 8).append('[');
        for (int i = 0; i < ids.length; i++) {
            json.append(i == 0 ? "" : ",").append(ids[i]);
        }
        q.where.add("i.id IN (SELECT value FROM json_each(?))");
        q.args.add(json.append(']').toString());
        addSearch(q, search);
        return q;
    }

    private static void addSearch(Query q, String search) {
        String text = search == null ? "" : search.strip();
        if (text.isEmpty()) {
            return;
        }
        // LIKE is case-insensitive for ASCII letters; the escape keeps % and _ literal.
        q.where.add("(i.path LIKE ? ESCAPE '\\' OR i.body LIKE ? ESCAPE '\\')");
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        q.args.add(pattern);
        q.args.add(pattern);
    }

    private List<BrowseRow> rows(Query q, String order, boolean reverse) {
        String sql = ROWS + q.whereClause() + order;
        List<BrowseRow> out = db.scan(c -> {
            List<BrowseRow> rows = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql, q.args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String lastKind = rs.getString(8);
                    rows.add(new BrowseRow(rs.getLong(1), rs.getString(2), rs.getInt(3), ItemKind.valueOf(rs.getString(4)),
                            rs.getString(5), rs.getString(6), Json.stringList(rs.getString(7)), lastKind,
                            rs.getString(9), rs.getString(10), "flag".equals(lastKind) ? rs.getString(11) : null));
                }
            }
            return rows;
        });
        if (reverse) {
            Collections.reverse(out);
        }
        return out;
    }

    private int count(Query q) {
        String sql = "SELECT count(*) FROM item i " + q.whereClause();
        return db.scan(c -> {
            try (PreparedStatement ps = prepare(c, sql, q.args); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** The plan SQLite chooses for a page of this query, one line per step: lets a test hold the page cost. */
    List<String> planOfPage(BrowseCriteria criteria) {
        Query q = where(criteria);
        q.where.add("i.id > ?");
        q.args.add(0L);
        String sql = "EXPLAIN QUERY PLAN " + ROWS + q.whereClause() + "ORDER BY i.id LIMIT 1000";
        return db.scan(c -> {
            List<String> plan = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql, q.args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString("detail"));
                }
            }
            return plan;
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof Long l) {
                ps.setLong(i + 1, l);
            } else {
                ps.setString(i + 1, (String) arg);
            }
        }
        return ps;
    }
}
