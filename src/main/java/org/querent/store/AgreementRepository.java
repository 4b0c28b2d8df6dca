package org.querent.store;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What each annotator says about each item, for agreement and adjudication. */
public final class AgreementRepository {
    private final Database db;

    public AgreementRepository(Database db) {
        this.db = db;
    }

    /**
     * Item id to annotator to labels: each annotator's newest label decision in force per item, read through the
     * taxonomy versions. Only annotators' own labels (origin annotator): a reviewer's change, a lead's resolution
     * or adjudication and folder seeds are decisions about the others, not independent answers.
     */
    public Map<Long, Map<String, List<String>>> labelsByAnnotator() {
        return db.read(c -> {
            Map<Long, Map<String, List<String>>> out = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT d.item_id, d.annotator, "
                    + "(SELECT json_group_array(label_read) FROM ("
                    + "  SELECT CASE WHEN n.name IS NULL THEN j.value ELSE n.now_name END AS label_read, min(j.key) AS position "
                    + "  FROM json_each(d.labels) j LEFT JOIN label_now n ON n.version = d.taxonomy_version AND n.name = j.value "
                    + "  GROUP BY 1 HAVING label_read IS NOT NULL ORDER BY position)) "
                    + "FROM live_decision d WHERE d.kind = 'label' AND d.origin = 'annotator' AND d.id = "
                    + DecisionOrder.newestId("d", "x.annotator = d.annotator AND x.kind = 'label' AND x.origin = 'annotator'")
                    + " "
                    + "AND NOT EXISTS (SELECT 1 FROM live_decision r WHERE r.kind = 'review' AND r.verdict = 'reject' "
                    + "AND r.refers_to = d.uid) ORDER BY d.item_id, d.annotator")) {
                while (rs.next()) {
                    List<String> labels = Json.stringList(rs.getString(3));
                    if (!labels.isEmpty()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), labels);
                    }
                }
            }
            return out;
        });
    }

    /** Items whose current label is an adjudication. */
    public Set<Long> adjudicatedItems() {
        return db.read(c -> {
            Set<Long> out = new HashSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT item_id FROM current_label WHERE origin = 'adjudication'")) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }
}
