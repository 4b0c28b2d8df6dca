package org.querent.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of a project file as merging defines it: every event (people, taxonomy versions, guidelines,
 * heads, rounds and their entries, decisions, work packages), each item's current label and what is set aside,
 * one tab-separated line each, ordered by global id, every local integer id replaced by the global id it stands
 * for, and blobs (head weights) by their SHA-256.
 * Two files that merged the same copies in different orders dump alike (ADR 13).
 */
public final class EventDump {
    private static final List<String> QUERIES = List.of(
            "SELECT 'person', uid, name, role, changed_by, changed_at, reason FROM person_role ORDER BY uid",
            "SELECT 'role_now', name, role FROM person ORDER BY name",
            "SELECT 'taxonomy', uid, version, change, detail, labels, author, reason, published_at FROM taxonomy_version "
                    + "ORDER BY uid",
            "SELECT 'mapping', v.uid, m.from_name, m.to_name FROM taxonomy_mapping m JOIN taxonomy_version v "
                    + "ON v.version = m.version ORDER BY v.uid, m.from_name",
            "SELECT 'guideline', version, body, source, published_at FROM guideline ORDER BY version",
            "SELECT 'head', uid, model_hash, created_at, class_names, weights, label_count, provenance, merged_from "
                    + "FROM head ORDER BY uid",
            "SELECT 'round', r.uid, r.created_at, r.strategy, h.uid, r.model_hash, r.predictor, r.pool_size, r.seed, "
                    + "r.settings FROM round r LEFT JOIN head h ON h.version = r.model_version ORDER BY r.uid",
            "SELECT 'round_item', r.uid, i.item_key, ri.rank, ri.score, ri.pre_label, ri.confidence FROM round_item ri "
                    + "JOIN round r ON r.id = ri.round_id JOIN item i ON i.id = ri.item_id ORDER BY r.uid, i.item_key",
            "SELECT 'decision', d.uid, i.item_key, d.kind, d.labels, d.annotator, d.decided_at, d.accepted, d.pre_label, "
                    + "d.pre_confidence, r.uid, d.guideline_version, h.uid, u.uid, d.note, d.origin, d.taxonomy_version, "
                    + "d.verdict, d.refers_to FROM decision d JOIN item i ON i.id = d.item_id "
                    + "LEFT JOIN round r ON r.id = d.round_id LEFT JOIN head h ON h.version = d.model_version "
                    + "LEFT JOIN decision u ON u.id = d.undoes ORDER BY d.uid",
            "SELECT 'package', uid, person, file, created_by, created_at, overlap, items FROM work_package ORDER BY uid",
            "SELECT 'package_item', wi.package_uid, i.item_key, wi.shared, wi.position FROM work_package_item wi "
                    + "JOIN item i ON i.id = wi.item_id ORDER BY wi.package_uid, wi.position",
            "SELECT 'current', i.item_key, c.labels, c.uid FROM current_label c JOIN item i ON i.id = c.item_id "
                    + "ORDER BY i.item_key",
            "SELECT 'set_aside', i.item_key, l.kind, l.uid FROM live_decision l JOIN item i ON i.id = l.item_id "
                    + "WHERE l.kind IN ('skip', 'flag', 'escalate') AND l.id = " + DecisionOrder.newestId("l", "x.kind <> 'note'")
                    + " ORDER BY i.item_key");

    private EventDump() {
    }

    /** The canonical lines of the file's content. */
    public static List<String> lines(Database db) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            for (String sql : QUERIES) {
                append(c, sql, out);
            }
            return out;
        });
    }

    private static void append(Connection c, String sql, List<String> out) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (i > 1) {
                        line.append('\t');
                    }
                    Object raw = rs.getObject(i);
                    String value = raw instanceof byte[] bytes ? "sha256:" + org.querent.common.Hashes.sha256Hex(bytes)
                            : rs.getString(i);
                    line.append(value == null ? "\\N" : value.replace("\\", "\\\\").replace("\t", "\\t")
                            .replace("\n", "\\n").replace("\r", "\\r"));
                }
                out.add(line.toString());
            }
        }
    }
}
