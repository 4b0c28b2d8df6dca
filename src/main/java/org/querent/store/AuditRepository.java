package org.querent.store;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail: one row per event (every decision, including undone ones and undos, and every taxonomy
 * version), oldest first, with what the auditor asks for each label: who (and their role then), when, under
 * which guideline and taxonomy version, which model version and strategy chose the item with which score and
 * rank, the labels as given and as they read today, and the label's review status.
 */
public final class AuditRepository {
    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of("event_id", "event", "kind", "at", "item_id", "path",
            "labels_given", "labels_now", "person", "role", "guideline_version", "taxonomy_version", "model_version",
            "strategy", "score", "rank", "round", "pre_label", "pre_confidence", "pre_label_decision", "origin",
            "verdict", "refers_to", "undoes", "undone", "review_status", "note", "taxonomy_mapping");

    private static final String ROLE_THEN = "(SELECT pr.role FROM person_role pr WHERE pr.name = %s AND pr.changed_at <= %s "
            + "ORDER BY pr.id DESC LIMIT 1)";
    private static final String SQL = "SELECT * FROM ("
            + "SELECT d.uid AS event_id, 'decision' AS event, d.kind, d.decided_at AS at, d.item_id, i.item_key AS path, "
            + "d.labels AS labels_given, "
            + "CASE WHEN d.labels IS NULL THEN NULL ELSE (SELECT json_group_array(label_read) FROM ("
            + "  SELECT CASE WHEN n.name IS NULL THEN j.value ELSE n.now_name END AS label_read, min(j.key) AS position "
            + "  FROM json_each(d.labels) j LEFT JOIN label_now n ON n.version = d.taxonomy_version AND n.name = j.value "
            + "  GROUP BY 1 HAVING label_read IS NOT NULL ORDER BY position)) END AS labels_now, "
            + "d.annotator AS person, " + String.format(ROLE_THEN, "d.annotator", "d.decided_at") + " AS role, "
            + "d.guideline_version, d.taxonomy_version, coalesce(d.model_version, r.model_version) AS model_version, "
            + "r.strategy, ri.score, ri.rank, d.round_id AS round, d.pre_label, d.pre_confidence, "
            + "CASE d.accepted WHEN 1 THEN 'accepted' WHEN 0 THEN 'corrected' END AS pre_label_decision, d.origin, "
            + "d.verdict, d.refers_to, (SELECT x.uid FROM decision x WHERE x.id = d.undoes) AS undoes, "
            + "EXISTS (SELECT 1 FROM decision u WHERE u.undoes = d.id) AS undone, "
            + "CASE WHEN d.kind <> 'label' THEN NULL "
            + "  ELSE coalesce((SELECT CASE v.verdict WHEN 'approve' THEN 'approved' WHEN 'change' THEN 'changed' "
            + "    ELSE 'rejected' END FROM live_decision v WHERE v.kind = 'review' AND v.refers_to = d.uid "
            + "    AND (v.verdict <> 'change' OR EXISTS (SELECT 1 FROM live_decision x WHERE x.kind = 'label' "
            + "      AND x.origin = 'review' AND x.refers_to = v.refers_to)) "
            + "    ORDER BY v.id DESC LIMIT 1), "
            + "    CASE WHEN d.origin IN ('review', 'escalation', 'adjudication', 'folders') THEN 'approved (' || d.origin || ')' "
            + "    ELSE 'not reviewed' END) END AS review_status, "
            + "d.note, NULL AS taxonomy_mapping, 0 AS sort_group, d.id AS sort_id "
            + "FROM decision d JOIN item i ON i.id = d.item_id LEFT JOIN round r ON r.id = d.round_id "
            + "LEFT JOIN round_item ri ON ri.round_id = d.round_id AND ri.item_id = d.item_id "
            + "UNION ALL "
            + "SELECT t.uid, 'taxonomy', t.change, t.published_at, NULL, NULL, NULL, "
            + "(SELECT json_group_array(json_extract(l.value, '$.name')) FROM json_each(t.labels) l), t.author, "
            + String.format(ROLE_THEN, "t.author", "t.published_at") + ", NULL, t.version, NULL, NULL, NULL, NULL, NULL, "
            + "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, t.reason, "
            + "(SELECT json_group_object(m.from_name, m.to_name) FROM taxonomy_mapping m WHERE m.version = t.version), "
            + "1, t.version FROM taxonomy_version t"
            + ") ORDER BY at, sort_group, sort_id";

    private final Database db;

    public AuditRepository(Database db) {
        this.db = db;
    }

    /** Every event, oldest first, as column name to value (null where it does not apply). */
    public List<Map<String, Object>> events() {
        return rows(SQL, null);
    }

    /** The events of one item, oldest first: its whole history, as the audit trail has it. */
    public List<Map<String, Object>> eventsOf(long itemId) {
        return rows("SELECT * FROM (" + SQL + ") WHERE item_id = ?", itemId);
    }

    private List<Map<String, Object>> rows(String sql, Long itemId) {
        return db.read(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (java.sql.PreparedStatement st = c.prepareStatement(sql)) {
                if (itemId != null) {
                    st.setLong(1, itemId);
                }
                try (ResultSet rs = st.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int k = 1; k <= COLUMNS.size(); k++) {
                            row.put(COLUMNS.get(k - 1), rs.getObject(k));
                        }
                        if (!COLUMNS.get(COLUMNS.size() - 1).equals(meta.getColumnLabel(COLUMNS.size()))) {
                            throw new IllegalStateException("audit columns out of order");
                        }
                        out.add(row);
                    }
                }
            }
            return out;
        });
    }
}
